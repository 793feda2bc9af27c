"""Progress against a straight line to the due quarter, and the quarterly history."""

import datetime as dt

import pytest
from django.core.management import call_command

from cms.milestones import services
from cms.milestones.models import Milestone, MilestoneSnapshot
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.factories import SchoolFactory, TechniekhuisPageFactory

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons(region_site):
    """Four given lessons in region A: two in Q1 2025, two in Q3 2025."""
    offering = LessonOfferingFactory(techniekhuis=TechniekhuisPageFactory(parent=region_site.techniekhuizen))
    school = SchoolFactory(region=region_site.region)
    for day in (dt.date(2025, 2, 1), dt.date(2025, 3, 1), dt.date(2025, 7, 1), dt.date(2025, 8, 1)):
        slot = TimeSlotFactory(offering=offering, date=day, capacity_classes=5)
        BookingFactory(slot=slot, school=school, status="completed")
    return region_site.region


@pytest.mark.parametrize(
    ("day", "target", "status"),
    [
        # Start 2025-01-01, due Q4 2025 (31 Dec): on 2025-04-01 the line stands at 90/364 of the target.
        (dt.date(2025, 4, 1), 8, services.ON_TRACK),  # 2 >= 8 * 90/364 = 1.98
        (dt.date(2025, 4, 1), 10, services.BEHIND),  # 2 < 2.47
        (dt.date(2025, 9, 1), 4, services.DONE),
        (dt.date(2026, 1, 2), 5, services.OVERDUE),
    ],
)
def test_status_against_the_straight_line(lessons, day, target, status):
    milestone = MilestoneFactory(region=lessons, due_year=2025, due_quarter=4, target=target)

    result = services.progress(milestone, day)

    assert result.status == status
    assert result.value == (2 if day < dt.date(2025, 7, 1) else 4)
    assert result.percentage == round(100 * result.value / target)


def test_manual_milestone_is_done_when_marked_and_overdue_after_its_quarter(region_site):
    milestone = MilestoneFactory(
        region=region_site.region,
        kind=Milestone.Kind.MANUAL,
        indicator="",
        target=None,
        due_year=2025,
        due_quarter=2,
    )
    assert services.progress(milestone, dt.date(2025, 5, 1)).status == services.ON_TRACK
    assert services.progress(milestone, dt.date(2025, 7, 1)).status == services.OVERDUE
    milestone.manual_status = Milestone.ManualStatus.DONE
    assert services.progress(milestone, dt.date(2025, 7, 1)).status == services.DONE
    assert services.progress(milestone, dt.date(2025, 7, 1)).value is None


def test_snapshots_keep_each_quarter_and_are_idempotent(lessons):
    milestone = MilestoneFactory(region=lessons, due_year=2026, due_quarter=4, target=8)
    today = dt.date(2025, 8, 15)

    assert services.snapshot(milestone, today) == 3
    first = list(MilestoneSnapshot.objects.values_list("year", "quarter", "value", "status"))
    assert first == [
        (2025, 1, 2.0, services.ON_TRACK),  # line on 31 March 2025: 8 * 89/729 = 0.98
        (2025, 2, 2.0, services.ON_TRACK),  # 30 June: 1.97
        (2025, 3, 4.0, services.ON_TRACK),  # so far in Q3 (15 August): 2.48
    ]
    assert services.snapshot(milestone, today) == 1  # only the current quarter is refreshed
    assert list(MilestoneSnapshot.objects.values_list("year", "quarter", "value", "status")) == first


def test_a_past_quarter_is_kept_when_the_figures_change_later(lessons):
    milestone = MilestoneFactory(region=lessons, target=8)
    services.snapshot(milestone, dt.date(2025, 4, 2))
    BookingFactory(
        slot=TimeSlotFactory(offering=LessonOfferingFactory(), date=dt.date(2025, 3, 3), capacity_classes=2),
        school=SchoolFactory(region=lessons),
        status="completed",
    )

    services.snapshot(milestone, dt.date(2025, 4, 3))

    assert MilestoneSnapshot.objects.get(year=2025, quarter=1).value == 2.0
    assert MilestoneSnapshot.objects.get(year=2025, quarter=2).value == 3.0


def test_snapshot_command_runs_twice_without_duplicates(lessons):
    MilestoneFactory(region=lessons, start_date=dt.date(2025, 1, 1))
    call_command("snapshot_milestones")
    count = MilestoneSnapshot.objects.count()
    call_command("snapshot_milestones")

    assert count >= 4
    assert MilestoneSnapshot.objects.count() == count


def test_milestones_that_measure_the_same_thing_count_it_once(lessons, django_assert_max_num_queries):
    milestones = [
        MilestoneFactory(region=lessons, due_year=2025 + i % 2, due_quarter=4, target=4 * (i + 1))
        for i in range(6)
    ]
    manual = MilestoneFactory(region=lessons, kind=Milestone.Kind.MANUAL, indicator="", target=None)
    loaded = list(
        Milestone.objects.filter(pk__in=[m.pk for m in [*milestones, manual]])
        .prefetch_related("offerings", "techniekhuizen")
        .order_by("pk")
    )

    with django_assert_max_num_queries(2):  # the region rule's home pages and one count
        rows = services.progress_of(loaded, dt.date(2025, 9, 1))

    assert [row.value for row in rows] == [4, 4, 4, 4, 4, 4, None]
    assert [row.percentage for row in rows] == [100, 50, 33, 25, 20, 17, None]
    assert [row.status for row in rows[:2]] == [services.DONE, services.ON_TRACK]
