"""Dashboard figures equal the figures computed by hand from the fixture dataset (see conftest)."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.dashboard import services
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.factories import HomePageFactory, SchoolFactory, TechniekhuisPageFactory, ensure_wagtail_base_rows

pytestmark = pytest.mark.django_db


def table(data, *fields):
    return {(r.region, r.period): tuple(getattr(r, f) for f in fields) for r in data.rows}


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 7, 31), "2024-2025"),
        (dt.date(2025, 8, 1), "2025-2026"),
        (dt.date(2026, 1, 1), "2025-2026"),
    ],
)
def test_school_year_starts_on_1_august(day, expected):
    assert services.period_of(day, services.SCHOOL_YEAR) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2025, 3, 31), "2025-Q1"), (dt.date(2025, 4, 1), "2025-Q2"), (dt.date(2025, 12, 31), "2025-Q4")],
)
def test_quarters_are_calendar_quarters(day, expected):
    assert services.period_of(day, services.QUARTER) == expected


def test_booking_reach_per_region_and_quarter(dataset):
    data = services.compute(granularity=services.QUARTER)
    a, b = dataset.a.name, dataset.b.name

    assert table(data, "classes", "pupils", "schools") == {
        (a, "2025-Q3"): (2, 45, 2),
        (a, "2025-Q4"): (1, 30, 1),
        (a, "2026-Q1"): (0, 0, 0),  # only a challenge team
        (a, "2026-Q3"): (1, 24, 1),
        (b, "2026-Q1"): (1, 26, 1),
    }


def test_event_and_challenge_participation_per_region_and_quarter(dataset):
    data = services.compute(granularity=services.QUARTER)
    a, b = dataset.a.name, dataset.b.name

    assert table(data, "event_registrations", "events", "challenge_teams", "challenge_pupils") == {
        (a, "2025-Q3"): (0, 0, 0, 0),
        (a, "2025-Q4"): (3, 1, 1, 5),
        (a, "2026-Q1"): (0, 0, 1, 6),
        (a, "2026-Q3"): (0, 0, 0, 0),
        (b, "2026-Q1"): (3, 2, 0, 0),
    }


def test_reach_per_school_year_counts_schools_distinctly(dataset):
    data = services.compute(granularity=services.SCHOOL_YEAR)
    a, b = dataset.a.name, dataset.b.name

    assert table(data, "classes", "pupils", "schools", "event_registrations", "challenge_teams") == {
        (a, "2025-2026"): (3, 75, 2, 3, 2),
        (a, "2026-2027"): (1, 24, 1, 0, 0),
        (b, "2025-2026"): (1, 26, 1, 3, 0),
    }
    total = data.total
    assert (total.classes, total.pupils, total.schools) == (5, 125, 4)
    assert (total.event_registrations, total.challenge_teams, total.challenge_pupils) == (6, 2, 11)


def test_filter_by_school_year(dataset):
    data = services.compute(granularity=services.QUARTER, school_year=2025)

    assert {r.period for r in data.rows} == {"2025-Q3", "2025-Q4", "2026-Q1"}
    assert (data.total.classes, data.total.pupils, data.total.schools) == (4, 101, 3)


def test_filter_by_region(dataset):
    data = services.compute(granularity=services.SCHOOL_YEAR, region_id=dataset.b.pk)

    assert [(r.region, r.period) for r in data.rows] == [(dataset.b.name, "2025-2026")]
    assert (data.total.classes, data.total.pupils, data.total.event_registrations) == (1, 26, 3)
    assert data.downloads == {dataset.b.pk: 3}


def test_kit_downloads_per_region_of_origin_and_quarter(dataset):
    data = services.compute(granularity=services.QUARTER)
    a, b = dataset.a.name, dataset.b.name

    assert table(data, "kit_downloads") == {
        (a, "2025-Q3"): (2,),
        (a, "2025-Q4"): (1,),
        (a, "2026-Q1"): (1,),  # 31 March 23:30 local time
        (a, "2026-Q3"): (1,),
        (b, "2026-Q1"): (3,),
    }
    assert data.downloads == {dataset.a.pk: 5, dataset.b.pk: 3}
    assert data.total.kit_downloads == 8


def test_kit_downloads_per_school_year_and_filtered_by_school_year(dataset):
    data = services.compute(granularity=services.SCHOOL_YEAR)
    a, b = dataset.a.name, dataset.b.name
    assert table(data, "kit_downloads") == {
        (a, "2025-2026"): (4,),
        (a, "2026-2027"): (1,),
        (b, "2025-2026"): (3,),
    }

    one_year = services.compute(granularity=services.QUARTER, school_year=2025)
    assert one_year.downloads == {dataset.a.pk: 4, dataset.b.pk: 3}
    assert one_year.total.kit_downloads == 7


def test_a_download_through_the_search_app_is_counted_in_its_period(region_site):
    from search.services import record_download
    from tests.factories import LessonKitPageFactory

    kit = LessonKitPageFactory(parent=region_site.databank, region=region_site.region)
    record_download(kit.pk, as_zip=True)
    record_download(kit.pk, as_zip=False)

    data = services.compute(granularity=services.QUARTER)
    today = services.period_of(timezone.localdate(), services.QUARTER)
    assert table(data, "kit_downloads") == {(region_site.region.name, today): (2,)}


def test_empty_database_gives_zero_totals(region_site):
    data = services.compute()

    assert data.rows == []
    assert (data.total.classes, data.total.schools) == (0, 0)


def test_school_years_offered_include_years_that_only_have_kit_downloads(region_site):
    import zoneinfo

    from search.models import KitDownload
    from tests.factories import LessonKitPageFactory

    ams = zoneinfo.ZoneInfo("Europe/Amsterdam")
    kit = LessonKitPageFactory(parent=region_site.databank, region=region_site.region)
    for when in [
        dt.datetime(2019, 8, 1, 0, 30, tzinfo=ams),  # 31 July 22:30 UTC: the new school year locally
        dt.datetime(2017, 7, 31, 23, 30, tzinfo=ams),  # still school year 2016-2017
    ]:
        KitDownload.objects.create(page=kit, kind=KitDownload.Kind.FILE, created_at=when)

    years = services.school_years_with_data()

    current = services.school_year_start(timezone.localdate())
    assert years == sorted({2019, 2016, current}, reverse=True)


def test_a_techniekhuis_on_no_regions_site_counts_for_the_schools_region(dataset):
    homeless = HomePageFactory(parent=ensure_wagtail_base_rows(), region=None)
    offering = LessonOfferingFactory(techniekhuis=TechniekhuisPageFactory(parent=homeless))
    slot = TimeSlotFactory(offering=offering, date=dt.date(2024, 10, 1), capacity_classes=5)
    BookingFactory(slot=slot, school=SchoolFactory(region=dataset.b), pupils=23, status="completed")
    BookingFactory(slot=slot, school=SchoolFactory(region=None), pupils=19, status="completed")

    data = services.compute(granularity=services.QUARTER, school_year=2024)

    assert table(data, "classes", "pupils", "schools") == {
        (dataset.b.name, "2024-Q4"): (1, 23, 1),
        ("—", "2024-Q4"): (1, 19, 1),  # a school without a region: no region
    }
