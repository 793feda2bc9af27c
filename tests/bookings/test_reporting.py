"""Reach figures equal hand-computed numbers on a small fixture dataset."""

import datetime as dt

import pytest

from cms.bookings import reporting
from cms.bookings.models import Booking
from tests.factories import RegionFactory, SchoolFactory

from .factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)
S = Booking.Status


@pytest.fixture
def dataset():
    north, south = RegionFactory(name="Noord"), RegionFactory(name="Zuid")
    a = SchoolFactory(name="A-school", region=north)
    b = SchoolFactory(name="B-school", region=south)
    wind, robots = LessonOfferingFactory(title="Windmolens"), LessonOfferingFactory(title="Robots")

    def book(school, offering, day, pupils, status=S.COMPLETED):
        slot = TimeSlotFactory(offering=offering, date=day, capacity_classes=10)
        return BookingFactory(school=school, slot=slot, pupils=pupils, status=status)

    book(a, wind, dt.date(2026, 1, 15), 20)  # Q1
    book(a, robots, dt.date(2026, 2, 10), 25, S.CONFIRMED)  # Q1, in the past: counts
    book(b, wind, dt.date(2026, 4, 20), 30)  # Q2
    book(b, robots, dt.date(2026, 5, 5), 22)  # Q2
    book(b, robots, dt.date(2026, 5, 6), 99, S.CANCELLED)  # never counts
    book(a, wind, dt.date(2026, 5, 7), 99, S.WAITLISTED)  # never counts
    book(a, wind, dt.date(2026, 6, 20), 99, S.CONFIRMED)  # future: not reached yet
    return {"north": north, "south": south}


def as_tuples(rows):
    return [(r.label, r.classes, r.pupils) for r in rows]


def test_reach_per_school(dataset):
    assert as_tuples(reporting.reach_by("school", today=TODAY)) == [("A-school", 2, 45), ("B-school", 2, 52)]


def test_reach_per_region(dataset):
    assert as_tuples(reporting.reach_by("region", today=TODAY)) == [("Noord", 2, 45), ("Zuid", 2, 52)]


def test_reach_per_offering(dataset):
    assert as_tuples(reporting.reach_by("offering", today=TODAY)) == [
        ("Robots", 2, 47),
        ("Windmolens", 2, 50),
    ]


def test_reach_per_quarter(dataset):
    assert as_tuples(reporting.reach_by("quarter", today=TODAY)) == [("2026-Q1", 2, 45), ("2026-Q2", 2, 52)]


def test_reach_filters_and_totals(dataset):
    assert reporting.reach_totals(today=TODAY) == {"classes": 4, "pupils": 97, "schools": 2}
    assert reporting.reach_totals(today=TODAY, region_id=dataset["north"].pk) == {
        "classes": 2,
        "pupils": 45,
        "schools": 1,
    }
    q2 = reporting.reach_totals(today=TODAY, start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))
    assert q2 == {"classes": 2, "pupils": 52, "schools": 1}
    later = reporting.reach_totals(today=dt.date(2026, 7, 1))
    assert later == {"classes": 5, "pupils": 196, "schools": 2}
