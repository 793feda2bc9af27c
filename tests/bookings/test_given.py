"""Marking a lesson as given ("gegeven") with the pupils who actually took part."""

import pytest

from cms.bookings import services
from cms.bookings.models import Booking
from cms.bookings.signals import booking_given
from cms.dashboard import services as dashboard

from .conftest import make_request
from .factories import TimeSlotFactory

pytestmark = pytest.mark.django_db


def test_given_booking_records_the_actual_number_of_pupils():
    booking = services.book_slot(make_request(TimeSlotFactory(), pupils=24)).booking
    assert booking.status == Booking.Status.CONFIRMED
    given = services.complete_booking(booking.pk, actual_pupils="21")
    assert (given.status, given.actual_pupils) == (Booking.Status.COMPLETED, 21)


@pytest.mark.parametrize("bad", ["0", "61", "veel", -3])
def test_a_bad_actual_count_is_refused_and_nothing_changes(bad):
    booking = services.book_slot(make_request(TimeSlotFactory())).booking
    with pytest.raises(services.BookingError) as error:
        services.complete_booking(booking.pk, actual_pupils=bad)
    assert error.value.field == "actual_pupils"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_booking_given_signal_is_sent_once_after_commit(django_capture_on_commit_callbacks):
    received = []

    def listener(sender, booking, **kwargs):
        received.append((booking.pk, booking.actual_pupils))

    booking_given.connect(listener)
    try:
        booking = services.book_slot(make_request(TimeSlotFactory())).booking
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            services.apply_transition("complete", booking.pk, actual_pupils=19)
            assert received == [], "not before the commit"
        assert callbacks
        assert received == [(booking.pk, 19)]
    finally:
        booking_given.disconnect(listener)


def test_dashboard_counts_actual_pupils_when_present():
    slot = TimeSlotFactory(capacity_classes=3)
    counted = services.book_slot(make_request(slot, pupils=24)).booking
    as_booked = services.book_slot(make_request(slot, pupils=20, group=7)).booking
    services.complete_booking(counted.pk, actual_pupils=18)
    services.complete_booking(as_booked.pk)
    assert dashboard.compute().total.pupils == 18 + 20
