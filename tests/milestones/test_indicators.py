"""Each indicator counts exactly what its label says on the hand-built dataset (see conftest)."""

import datetime as dt

import pytest

from cms.dashboard import services as dashboard
from cms.milestones import indicators
from cms.milestones.indicators import Filters

pytestmark = pytest.mark.django_db

YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def measure(key, region, filters=None, period=YEAR_2025):
    return indicators.measure(key, region.pk, *period, filters)


def test_lessons_count_given_bookings_of_the_region_only(reach):
    # Bookings 1, 2, 5 (anonymised) and 9 (no techniekhuis, school in A).
    assert measure("classes_reached", reach.a) == 4
    assert measure("pupils_reached", reach.a) == 25 + 20 + 24 + 17
    assert measure("schools_reached", reach.a) == 3


def test_other_region_counts_its_techniekhuis_and_its_schools_without_one(reach):
    assert measure("classes_reached", reach.b) == 2
    assert measure("pupils_reached", reach.b) == 19 + 21
    assert measure("schools_reached", reach.b) == 2


def test_lessons_filtered_by_offering_techniekhuis_and_school_type(reach):
    assert measure("classes_reached", reach.a, Filters(offering_ids=frozenset({reach.off1.pk}))) == 2
    assert measure("pupils_reached", reach.a, Filters(techniekhuis_ids=frozenset({reach.th2.pk}))) == 24
    assert measure("classes_reached", reach.a, Filters(school_type="po")) == 3
    assert measure("schools_reached", reach.a, Filters(school_type="po")) == 2
    assert measure("pupils_reached", reach.a, Filters(school_type="vmbo")) == 24


def test_lessons_count_by_lesson_date_in_the_period(reach):
    assert measure("classes_reached", reach.a, period=(dt.date(2025, 1, 1), dt.date(2025, 3, 31))) == 2
    assert measure("classes_reached", reach.a, period=(dt.date(2025, 3, 11), dt.date(2025, 9, 30))) == 1


def test_lessons_to_come_are_not_reached_yet(reach):
    far = (dt.date(2025, 1, 1), dt.date(2099, 12, 31))
    assert measure("classes_reached", reach.a, period=far) == 4


def test_events_held_are_started_published_events_of_the_region(reach):
    assert measure("events_held", reach.a) == 2
    assert measure("events_held", reach.b) == 1
    assert measure("events_held", reach.a, period=(dt.date(2025, 1, 1), dt.date(2099, 1, 1))) == 2


def test_event_registrations_are_confirmed_ones_by_event_start(reach):
    assert measure("event_registrations", reach.a) == 3
    assert measure("event_registrations", reach.b) == 1
    assert measure("event_registrations", reach.a, period=(dt.date(2025, 4, 3), dt.date(2025, 12, 31))) == 1


def test_challenge_teams_exclude_cancelled_and_other_regions(reach):
    assert measure("challenge_teams", reach.a) == 2
    assert measure("challenge_pupils", reach.a) == 9
    assert measure("challenge_teams", reach.a, Filters(school_type="vmbo")) == 1
    assert measure("challenge_teams", reach.b) == 1


def test_kit_downloads_count_the_region_of_origin_else_the_site(reach):
    # 23:30 on 31 December is still 2025 in Dutch time.
    assert measure("kit_downloads", reach.a) == 2
    assert measure("kit_downloads", reach.b) == 1
    assert measure("kit_downloads", reach.a, period=(dt.date(2025, 1, 1), dt.date(2025, 12, 30))) == 1


def test_newsletter_subscribers_are_active_ones_of_the_region_by_the_end(reach):
    assert measure("newsletter_subscribers", reach.a) == 1
    assert measure("newsletter_subscribers", reach.a, period=(dt.date(2025, 1, 1), dt.date(2026, 6, 30))) == 2
    assert measure("newsletter_subscribers", reach.b) == 1


def test_an_unknown_indicator_measures_nothing(reach):
    assert indicators.measure("no_such_thing", reach.a.pk, *YEAR_2025) is None


def test_lesson_figures_equal_the_dashboard(reach):
    data = dashboard.compute(granularity=dashboard.SCHOOL_YEAR, region_id=reach.a.pk)
    lessons_2025 = indicators.measure(
        "classes_reached", reach.a.pk, dt.date(2024, 8, 1), dt.date(2026, 7, 31)
    )
    assert data.total.classes == lessons_2025
