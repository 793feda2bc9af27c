"""Which bookings count as reached: hand-checked on a small fixture dataset.

Grouping per region and period is the dashboard's job (tests/dashboard).
"""

import datetime as dt

import pytest

from cms.bookings import reporting
from cms.bookings.models import Booking
from tests.factories import SchoolFactory

from .factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)
S = Booking.Status


@pytest.fixture
def bookings():
    school, offering = SchoolFactory(), LessonOfferingFactory()

    def book(day, pupils, status):
        slot = TimeSlotFactory(offering=offering, date=day, capacity_classes=10)
        return BookingFactory(school=school, slot=slot, pupils=pupils, status=status)

    return {
        "completed": book(dt.date(2026, 1, 15), 20, S.COMPLETED),
        "confirmed_past": book(dt.date(2026, 2, 10), 25, S.CONFIRMED),
        "cancelled": book(dt.date(2026, 5, 6), 99, S.CANCELLED),
        "waitlisted": book(dt.date(2026, 5, 7), 99, S.WAITLISTED),
        "confirmed_future": book(dt.date(2026, 6, 20), 30, S.CONFIRMED),
    }


def test_given_lessons_count_as_reached(bookings):
    reached = set(reporting.reached_bookings(today=TODAY))
    assert reached == {bookings["completed"], bookings["confirmed_past"]}


def test_a_confirmed_lesson_counts_once_its_date_has_passed(bookings):
    reached = set(reporting.reached_bookings(today=dt.date(2026, 7, 1)))
    assert reached == {bookings["completed"], bookings["confirmed_past"], bookings["confirmed_future"]}
