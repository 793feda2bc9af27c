"""POST /api/v3/bookings/change/: the API twin of the change page behind the link in the mail."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.bookings import services, tokens
from cms.bookings.models import Booking, TimeSlot
from tests.api.problems import assert_problem, error_fields

from .conftest import make_request
from .factories import LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db

URL = "/api/v3/bookings/change/"


def book(slot, **overrides) -> Booking:
    return services.book_slot(make_request(slot, **overrides)).booking


def post(client, **payload):
    return client.post(URL, payload, content_type="application/json")


def counters(slot) -> tuple[int, int]:
    slot.refresh_from_db()
    return slot.booked_classes, slot.booked_pupils


def test_fields_left_out_stay_and_the_answer_says_what_changed(client, django_assert_max_num_queries):
    slot = TimeSlotFactory(capacity_classes=2, capacity_pupils=60)
    booking = book(slot, pupils=24, phone="0101234567")
    token = tokens.make_cancel_token(booking)

    response = post(client, token=token, pupils=27, contact_name="Meester Piet")

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["id"], body["pupils"], body["changed"]) == (booking.pk, 27, ["pupils", "contact_name"])
    booking.refresh_from_db()
    assert (booking.pupils, booking.contact_name, booking.phone) == (27, "Meester Piet", "0101234567")
    assert counters(slot) == (1, 27)


def test_nothing_to_change_is_an_empty_change(client):
    booking = book(TimeSlotFactory(capacity_classes=2))
    response = post(client, token=tokens.make_cancel_token(booking), pupils=booking.pupils)
    assert response.status_code == 200
    assert response.json()["changed"] == []


def test_moving_to_another_slot_of_the_lesson_frees_the_old_place(client):
    offering = LessonOfferingFactory()
    old, new = (
        TimeSlotFactory(offering=offering, capacity_classes=1),
        TimeSlotFactory(offering=offering, capacity_classes=1),
    )
    booking = book(old)

    response = post(client, token=tokens.make_cancel_token(booking), slot=new.pk)

    assert response.json()["slot"] == new.pk
    assert (counters(old)[0], counters(new)[0]) == (0, 1)


def test_a_full_slot_is_a_409_and_nothing_changes(client):
    offering = LessonOfferingFactory()
    old, full = (
        TimeSlotFactory(offering=offering, capacity_classes=1),
        TimeSlotFactory(offering=offering, capacity_classes=1),
    )
    booking = book(old)
    book(full)

    body = assert_problem(post(client, token=tokens.make_cancel_token(booking), slot=full.pk), 409)

    assert body["code"] == "full"
    booking.refresh_from_db()
    assert booking.slot_id == old.pk
    assert (counters(old)[0], counters(full)[0]) == (1, 1)


def test_after_the_deadline_the_change_is_a_409(client):
    slot = TimeSlotFactory(capacity_classes=2)
    booking = book(slot)
    TimeSlot.objects.filter(pk=slot.pk).update(booking_deadline=timezone.now() - dt.timedelta(minutes=1))

    body = assert_problem(post(client, token=tokens.make_cancel_token(booking), pupils=20), 409)

    booking.refresh_from_db()
    assert booking.pupils == 24
    assert body["detail"]


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({"pupils": 0}, {"pupils"}),
        ({"pupils": 500}, {"pupils"}),
        ({"notes": "<script>alert(1)</script>"}, {"notes"}),
        ({"phone": "bel me"}, {"phone"}),
        ({"slot": 999999}, {"slot"}),
    ],
)
def test_bad_fields_are_a_400_per_field_and_nothing_changes(client, payload, fields):
    booking = book(TimeSlotFactory(capacity_classes=2))
    body = assert_problem(post(client, token=tokens.make_cancel_token(booking), **payload), 400)
    assert error_fields(body) == fields
    booking.refresh_from_db()
    assert booking.pupils == 24


def test_a_forged_or_missing_token_is_a_400_on_the_token(client):
    booking = book(TimeSlotFactory(capacity_classes=2))
    forged = tokens.make_cancel_token(booking)[:-3] + "abc"
    assert error_fields(assert_problem(post(client, token=forged, pupils=20), 400)) == {"token"}
    assert error_fields(assert_problem(post(client, pupils=20), 400)) == {"token"}
    booking.refresh_from_db()
    assert booking.pupils == 24


def test_a_cancelled_booking_cannot_be_changed(client):
    booking = book(TimeSlotFactory(capacity_classes=2))
    token = tokens.make_cancel_token(booking)
    services.cancel_with_token(token)
    assert assert_problem(post(client, token=token, pupils=20), 400)["code"] == "used_token"
