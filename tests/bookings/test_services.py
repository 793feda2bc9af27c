"""Booking rules: capacity is a hard promise, waiting list, idempotency, own contribution."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from cms.bookings import services
from cms.bookings.models import Booking, OwnContributionRule, TimeSlot
from cms.snippets.models import School
from tests.factories import SchoolFactory

from .conftest import make_request
from .factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db


def test_booking_within_capacity_is_confirmed_and_counted():
    slot = TimeSlotFactory(capacity_classes=2)
    result = services.book_slot(make_request(slot, pupils=24))
    assert result.created
    assert result.booking.status == Booking.Status.CONFIRMED
    slot.refresh_from_db()
    assert (slot.booked_classes, slot.booked_pupils, slot.classes_left) == (1, 24, 1)


def test_offering_that_needs_approval_books_as_requested_but_holds_the_place():
    slot = TimeSlotFactory(capacity_classes=1, offering=LessonOfferingFactory(requires_approval=True))
    booking = services.book_slot(make_request(slot)).booking
    assert booking.status == Booking.Status.REQUESTED
    slot.refresh_from_db()
    assert slot.is_full
    assert services.confirm_booking(booking.pk).status == Booking.Status.CONFIRMED


def test_full_slot_refuses_booking_and_saves_nothing():
    slot = TimeSlotFactory(capacity_classes=1)
    BookingFactory(slot=slot)
    TimeSlot.objects.filter(pk=slot.pk).update(booked_classes=1)
    with pytest.raises(services.SlotFull):
        services.book_slot(make_request(slot))
    assert Booking.objects.count() == 1
    assert not School.objects.filter(brin_code="12AB").exists()


def test_full_slot_puts_booking_on_waiting_list_without_taking_a_place():
    slot = TimeSlotFactory(capacity_classes=1)
    services.book_slot(make_request(slot))
    booking = services.book_slot(make_request(slot, waitlist=True)).booking
    assert booking.status == Booking.Status.WAITLISTED
    slot.refresh_from_db()
    assert slot.booked_classes == 1


def test_pupil_capacity_is_enforced_as_well_as_classes():
    slot = TimeSlotFactory(capacity_classes=None, capacity_pupils=50)
    services.book_slot(make_request(slot, pupils=30))
    with pytest.raises(services.SlotFull):
        services.book_slot(make_request(slot, pupils=21))
    services.book_slot(make_request(slot, pupils=20))
    slot.refresh_from_db()
    assert slot.booked_pupils == 50


def test_same_idempotency_key_makes_one_booking():
    slot = TimeSlotFactory(capacity_classes=5)
    request = make_request(slot)
    first = services.book_slot(request)
    second = services.book_slot(request)
    assert first.created and not second.created
    assert first.booking.pk == second.booking.pk
    slot.refresh_from_db()
    assert slot.booked_classes == 1


def test_new_school_is_created_once_and_reused_by_brin():
    slot = TimeSlotFactory(capacity_classes=5)
    a = services.book_slot(make_request(slot)).booking
    b = services.book_slot(make_request(slot)).booking
    assert a.school_id == b.school_id
    school = School.objects.get(brin_code="12AB")
    assert (school.postcode, school.school_type) == ("3011 AB", School.SchoolType.PO)


def test_known_school_is_used_as_given():
    school = SchoolFactory()
    booking = services.book_slot(make_request(TimeSlotFactory(), school=school)).booking
    assert booking.school == school


@pytest.mark.parametrize(
    ("slot_kwargs", "code"),
    [
        ({"date": timezone.localdate() - dt.timedelta(days=1)}, "past"),
        ({"booking_deadline": timezone.now() - dt.timedelta(minutes=1)}, "closed"),
    ],
)
def test_past_or_closed_slot_refuses_booking(slot_kwargs, code):
    slot = TimeSlotFactory(**slot_kwargs)
    with pytest.raises(services.SlotClosed) as error:
        services.book_slot(make_request(slot))
    assert error.value.code == code
    assert not Booking.objects.exists()


def test_inactive_offering_refuses_booking():
    slot = TimeSlotFactory(offering=LessonOfferingFactory(active=False))
    with pytest.raises(services.SlotClosed):
        services.book_slot(make_request(slot))


def test_more_pupils_than_the_offering_allows_is_refused():
    slot = TimeSlotFactory(offering=LessonOfferingFactory(max_pupils_per_class=28))
    with pytest.raises(services.BookingError) as error:
        services.book_slot(make_request(slot, pupils=29))
    assert error.value.field == "pupils"


def test_booking_without_privacy_consent_is_refused():
    with pytest.raises(services.BookingError):
        services.book_slot(make_request(TimeSlotFactory(), privacy_consent=False))


def test_cancel_frees_place_and_promotes_oldest_waiting_booking_that_fits():
    slot = TimeSlotFactory(capacity_classes=1, capacity_pupils=30)
    booked = services.book_slot(make_request(slot, pupils=25)).booking
    too_big = services.book_slot(make_request(slot, pupils=30, waitlist=True)).booking
    first = services.book_slot(make_request(slot, pupils=20, waitlist=True)).booking
    second = services.book_slot(make_request(slot, pupils=20, waitlist=True)).booking
    TimeSlot.objects.filter(pk=slot.pk).update(capacity_pupils=25)

    result = services.cancel_booking(booked.pk)

    assert [b.pk for b in result.promoted] == [first.pk]
    statuses = dict(Booking.objects.values_list("pk", "status"))
    assert statuses == {
        booked.pk: "cancelled",
        too_big.pk: "waitlisted",
        first.pk: "confirmed",
        second.pk: "waitlisted",
    }
    slot.refresh_from_db()
    assert (slot.booked_classes, slot.booked_pupils) == (1, 20)


def test_cancelling_waiting_booking_does_not_release_a_place():
    slot = TimeSlotFactory(capacity_classes=1)
    services.book_slot(make_request(slot))
    waiting = services.book_slot(make_request(slot, waitlist=True)).booking
    services.cancel_booking(waiting.pk)
    slot.refresh_from_db()
    assert slot.booked_classes == 1


def test_cancelled_booking_cannot_be_cancelled_or_completed_again():
    booking = services.book_slot(make_request(TimeSlotFactory())).booking
    services.cancel_booking(booking.pk)
    with pytest.raises(services.InvalidTransition):
        services.cancel_booking(booking.pk)
    with pytest.raises(services.InvalidTransition):
        services.complete_booking(booking.pk)


def test_completed_booking_keeps_its_place():
    slot = TimeSlotFactory(capacity_classes=1)
    booking = services.book_slot(make_request(slot)).booking
    assert services.complete_booking(booking.pk).status == Booking.Status.COMPLETED
    slot.refresh_from_db()
    assert slot.booked_classes == 1


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 9, 1), Decimal("0.00")),
        (dt.date(2026, 7, 31), Decimal("0.00")),
        (dt.date(2026, 8, 1), Decimal("20.00")),
        (dt.date(2028, 3, 1), Decimal("20.00")),
    ],
)
def test_own_contribution_follows_the_school_year_rules(day, expected):
    offering = LessonOfferingFactory(price=Decimal("200.00"))
    assert services.amount_owed(offering, day) == expected


def test_own_contribution_rule_is_editable_per_school_year():
    OwnContributionRule.objects.create(school_year_start=2027, percentage=Decimal("12.5"))
    offering = LessonOfferingFactory(price=Decimal("199.00"))
    assert services.amount_owed(offering, dt.date(2027, 10, 1)) == Decimal("24.88")


def test_booking_records_amount_owed_for_its_school_year():
    offering = LessonOfferingFactory(price=Decimal("150.00"))
    slot = TimeSlotFactory(offering=offering, date=dt.date(2026, 9, 15))
    booking = services.book_slot(make_request(slot), now=timezone.make_aware(dt.datetime(2026, 9, 1))).booking
    assert booking.amount_owed == Decimal("15.00")


def test_reminders_are_sent_once_for_confirmed_bookings_in_the_window(mailoutbox):
    soon = TimeSlotFactory(date=timezone.localdate() + dt.timedelta(days=2))
    later = TimeSlotFactory(date=timezone.localdate() + dt.timedelta(days=20))
    BookingFactory(slot=soon)
    BookingFactory(slot=later)
    BookingFactory(slot=soon, status=Booking.Status.WAITLISTED)
    assert services.send_reminders(days_ahead=3).done == 1
    assert services.send_reminders(days_ahead=3).done == 0
