"""Coverage per school and per region, against a hand-counted fixture; the school's signed link."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.events import attendance
from cms.events.models import EventRegistration
from cms.events.privacy import anonymise_participants
from cms.milestones import coverage
from cms.milestones.tokens import make_coverage_token
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.events.factories import EventRegistrationFactory
from tests.factories import (
    CoreGoalFactory,
    EventPageFactory,
    LessonKitPageFactory,
    RegionSite,
    SchoolFactory,
    TechWorldFactory,
)
from tests.loans.factories import CopyFactory, LendableItemFactory, ReservationFactory
from tests.milestones.test_views import project_leader

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture(region_site):
    w1, w2, w3, w4 = (TechWorldFactory(sort_order=i) for i in range(4))
    g1, g2 = CoreGoalFactory(number=42), CoreGoalFactory(number=45)
    a = LessonOfferingFactory()
    a.tech_worlds.set([w1])
    a.core_goals.set([g1])
    b = LessonOfferingFactory()
    b.tech_worlds.set([w2, w3])
    b.core_goals.set([g2])
    school = SchoolFactory(region=region_site.region, name="Basisschool De Akker")
    idle = SchoolFactory(region=region_site.region, name="Basisschool Zonder Lessen")
    other = SchoolFactory(region=RegionSite(hostname="b.example", is_default=False).region)

    def lesson(offering, day, group, status="completed", who=school):
        BookingFactory(
            slot=TimeSlotFactory(offering=offering, date=day, capacity_classes=3),
            school=who,
            group=group,
            status=status,
        )

    lesson(a, dt.date(2024, 9, 10), 5)  # 2024-2025, group 5: w1
    lesson(b, dt.date(2024, 10, 8), 5, "confirmed")  # 2024-2025, group 5: w2, w3 (given: date past)
    lesson(a, dt.date(2024, 10, 9), 7, "cancelled")  # does not count
    lesson(a, dt.date(2024, 10, 9), 7, "waitlisted")  # does not count
    lesson(b, dt.date(2025, 9, 16), 6)  # 2025-2026, group 6: w2, w3
    lesson(a, timezone.localdate() + dt.timedelta(days=20), 8, "confirmed")  # not given yet
    lesson(a, dt.date(2024, 9, 10), 5, who=other)  # another region's school
    return region_site, school, idle, other, [w1, w2, w3, w4], [g1, g2]


def test_school_coverage_per_year_and_group_with_gaps(fixture):
    _site, school, _idle, _other, worlds, goals = fixture
    w1, w2, w3, w4 = worlds

    result = coverage.school_coverage(school)

    assert [y.school_year for y in result.years] == [2025, 2024]
    latest, first = result.years
    assert [(g.group, g.activities, g.world_ids) for g in first.groups] == [(5, 2, {w1.pk, w2.pk, w3.pk})]
    assert first.goal_ids == {goals[0].pk, goals[1].pk}
    assert result.world_gaps(first) == [w4]
    assert [(g.group, g.activities, g.world_ids) for g in latest.groups] == [(6, 1, {w2.pk, w3.pk})]
    assert result.world_gaps(latest) == [w1, w4]
    assert result.goal_gaps(latest) == [goals[0]]


def test_region_matrix_counts_given_lessons_per_school_and_world(fixture):
    site, school, idle, _other, _worlds, _goals = fixture

    all_years = coverage.region_matrix(site.region.pk)
    assert [(s.name, counts) for s, counts in all_years.rows] == [
        ("Basisschool De Akker", [1, 2, 2, 0]),
        ("Basisschool Zonder Lessen", [0, 0, 0, 0]),
    ]
    one_year = coverage.region_matrix(site.region.pk, school_year=2024)
    assert one_year.rows[0][1] == [1, 1, 1, 0]


def test_school_opens_its_own_page_and_pdf_by_signed_link(client, fixture):
    _site, school, *_rest = fixture
    token = make_coverage_token(school.pk)

    page = client.get(f"/dekking/{token}/")
    assert page.status_code == 200
    assert "Basisschool De Akker" in page.content.decode()
    assert "Content-Security-Policy" in page
    pdf = client.get(f"/dekking/{token}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(f"/dekking/{token}x/").status_code == 404
    assert client.get(f"/dekking/{school.pk}/").status_code == 404


def test_admin_matrix_and_school_page_stay_in_the_users_regions(
    admin_client, client, django_user_model, fixture
):
    site, school, _idle, other, *_rest = fixture
    assert "Basisschool De Akker" in admin_client.get("/admin/milestones/coverage/").content.decode()
    client.force_login(project_leader(django_user_model, site.region, can_import=False))
    page = client.get(f"/admin/milestones/coverage/{school.pk}/")
    assert page.status_code == 200 and "/dekking/" in page.content.decode()
    assert client.get(f"/admin/milestones/coverage/{other.pk}/").status_code == 404


def test_kits_the_school_borrowed_and_picked_up_count_for_its_coverage(fixture):
    site, school, idle, other, worlds, goals = fixture
    w1, w2, w3, w4 = worlds
    kit = LessonKitPageFactory(parent=site.databank, title="Leskist Bruggen")
    kit.tech_worlds.set([w4])
    kit.core_goals.set([goals[1]])
    kit.save()
    edition = LendableItemFactory(lesson_kit=kit)
    tool_set = LendableItemFactory(title="Gereedschapsset Solderen")
    tool_set.tech_worlds.set([w1])
    picked_up = timezone.make_aware(dt.datetime(2025, 10, 6, 9))

    def loan(item, day, status, who=school, picked=True):
        ReservationFactory(
            copy=CopyFactory(item=item),
            school=who,
            pickup_date=day,
            return_date=day + dt.timedelta(days=4),
            blocked_until=day + dt.timedelta(days=6),
            status=status,
            picked_up_at=picked_up if picked else None,
        )

    loan(edition, dt.date(2025, 10, 6), "returned")  # 2025-2026: w4 + goal 45 of the kit
    loan(tool_set, dt.date(2025, 11, 3), "picked_up")  # 2025-2026: w1 of the tool set
    loan(tool_set, dt.date(2025, 11, 17), "confirmed", picked=False)  # never picked up: no
    loan(edition, dt.date(2025, 12, 1), "cancelled")  # cancelled: no
    loan(edition, dt.date(2025, 10, 6), "returned", who=other)  # another school

    latest = coverage.school_coverage(school).years[0]

    assert latest.school_year == 2025
    whole_school = [g for g in latest.groups if g.group is None]
    assert [(g.activities, g.world_ids) for g in whole_school] == [(2, {w1.pk, w4.pk})]
    assert latest.world_ids == {w1.pk, w2.pk, w3.pk, w4.pk}, "lessons of group 6 plus the two loans"
    assert goals[1].pk in latest.goal_ids
    matrix = coverage.region_matrix(site.region.pk, school_year=2025)
    assert matrix.rows[0][1] == [1, 1, 1, 1]


def test_events_the_schools_participants_attended_count_for_its_coverage(fixture):
    site, school, idle, other, worlds, goals = fixture
    w1, w2, w3, w4 = worlds
    R = EventRegistration.Status

    def event(day, *addressed, goal=None):
        start = timezone.make_aware(dt.datetime(*day, 14))
        page = EventPageFactory(parent=site.events, start=start, end=start + dt.timedelta(hours=2))
        page.tech_worlds.set(addressed)
        page.core_goals.set([goal] if goal else [])
        page.save()
        return page

    def came(page, **kwargs):
        registration = EventRegistrationFactory(event=page, **kwargs)
        attendance.check_in_registration(registration.pk, page.occurrences.get())

    open_day = event((2025, 10, 15), w4, goal=goals[0])  # 2025-2026: w4 + goal 42
    came(open_day, school=school)  # counts
    came(open_day, school=school)  # counts: a second teacher of the school came
    came(open_day)  # only an organisation as text: no school's coverage
    came(open_day, school=other)  # another school
    workshop = event((2025, 11, 5), w1)  # nobody of the school came: w1 stays a gap
    for status in (R.CONFIRMED, R.WAITLISTED, R.CANCELLED, R.NO_SHOW):
        EventRegistrationFactory(event=workshop, school=school, status=status)
    anonymise_participants(older_than_days=0)  # names go, the school and the check-in stay

    latest = coverage.school_coverage(school).years[0]

    assert latest.school_year == 2025
    whole_school = [g for g in latest.groups if g.group is None]
    assert [(g.activities, g.world_ids, g.goal_ids) for g in whole_school] == [(2, {w4.pk}, {goals[0].pk})]
    assert latest.world_ids == {w2.pk, w3.pk, w4.pk}, "lessons of group 6 plus the open day"
    assert coverage.school_coverage(school).world_gaps(latest) == [w1]
    assert coverage.school_coverage(idle).years == []
    matrix = coverage.region_matrix(site.region.pk, school_year=2025)
    assert matrix.rows[0][1] == [0, 1, 1, 2]
