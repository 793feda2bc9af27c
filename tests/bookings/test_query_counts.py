"""A booking request runs at most 8 SQL queries (issue 20), through the API and the HTML form.

Counted: the request itself (rate limit, validation, school, lock, reserve, insert). The mails and
the reference index run after commit in the task worker; their own count is checked in test_api.
"""

import json
import uuid

import pytest

from cms.bookings.models import Booking
from tests.factories import SchoolFactory, TargetGroupFactory

from .factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8


def _payload(slot, **overrides) -> dict:
    payload = {
        "slot": slot.pk,
        "contact_name": "Juf Anna",
        "email": "anna@regenboog.nl",
        "group": 6,
        "pupils": 24,
        "privacy_consent": True,
        "idempotency_key": uuid.uuid4().hex,
    }
    payload.update(overrides)
    return payload


NEW_SCHOOL = {
    "school_name": "OBS De Regenboog",
    "school_brin": "12AB",
    "school_street": "Schoolstraat 1",
    "school_postcode": "3011AB",
    "school_city": "Rotterdam",
}


def _api(client, payload):
    return client.post("/api/v3/bookings/", json.dumps(payload), content_type="application/json")


@pytest.fixture
def slot():
    offering = LessonOfferingFactory()
    offering.target_groups.add(TargetGroupFactory(name="PO groep 5/6", slug="po-groep-5-6", level="po"))
    return TimeSlotFactory(offering=offering, capacity_classes=3)


def test_api_booking_for_a_known_school(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    payload = _payload(slot, school_id=SchoolFactory().pk)
    with django_capture_on_commit_callbacks(execute=False), django_assert_max_num_queries(MAX_QUERIES):
        assert _api(client, payload).status_code == 201
    assert Booking.objects.get().notifications_pending


def test_api_booking_for_a_new_school(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False), django_assert_max_num_queries(MAX_QUERIES):
        assert _api(client, _payload(slot, **NEW_SCHOOL)).status_code == 201
    assert Booking.objects.get().school.brin_code == "12AB"


def test_api_repeated_request_answers_the_first_booking(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    payload = _payload(slot, school_id=SchoolFactory().pk)
    with django_capture_on_commit_callbacks(execute=False):
        first = _api(client, payload).json()
    with django_capture_on_commit_callbacks(execute=False), django_assert_max_num_queries(MAX_QUERIES):
        again = _api(client, payload)
    assert (again.status_code, again.json()["id"]) == (200, first["id"])
    assert Booking.objects.count() == 1


def test_api_booking_of_a_full_slot_joins_the_waiting_list(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    slot.capacity_classes = 1
    slot.save()
    BookingFactory(slot=slot)
    slot.booked_classes = 1
    slot.save()
    payload = _payload(slot, school_id=SchoolFactory().pk, waitlist=True)
    with django_capture_on_commit_callbacks(execute=False), django_assert_max_num_queries(MAX_QUERIES):
        assert _api(client, payload).status_code == 201
    assert Booking.objects.latest("pk").status == Booking.Status.WAITLISTED


def test_html_form_booking_for_a_new_school(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    data = {
        **{k: str(v) for k, v in _payload(slot).items()},
        **NEW_SCHOOL,
        "school": "",
        "privacy_consent": "on",
        "website": "",
    }
    with django_capture_on_commit_callbacks(execute=False), django_assert_max_num_queries(MAX_QUERIES):
        assert client.post(f"/boeken/tijdslot/{slot.pk}/", data).status_code == 302
    assert Booking.objects.get().school.brin_code == "12AB"
