"""A booking request runs at most 8 SQL queries (issue 20), through the API and the HTML form.

Counted: the request itself (rate limit, validation, school, lock, reserve, insert). The mails and
the reference index run after commit in the task worker; their own count is checked in test_api.
"""

import json
import uuid

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.search.backends import get_search_backend

from cms.bookings.models import Booking
from cms.snippets.models import School
from tests.factories import SchoolFactory, TargetGroupFactory

from .factories import LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8
#: The test runs in a transaction, so the service's own transaction becomes a SAVEPOINT and a
#: RELEASE here (in production: BEGIN and COMMIT, which are not counted as queries).
SAVEPOINTS = 2
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def statements(captured) -> list[str]:
    """The SQL statements a request sent, without transaction control."""
    return [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(TRANSACTION_CONTROL)]


def assert_at_most(captured, limit: int = MAX_QUERIES) -> None:
    sql = statements(captured)
    assert len(sql) <= limit, "\n".join(sql)


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
    with (
        django_capture_on_commit_callbacks(execute=False),
        django_assert_max_num_queries(MAX_QUERIES + SAVEPOINTS) as captured,
    ):
        assert _api(client, payload).status_code == 201
    assert_at_most(captured)
    assert Booking.objects.get().notifications_pending


def test_api_booking_for_a_new_school(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=False),
        django_assert_max_num_queries(MAX_QUERIES + SAVEPOINTS) as captured,
    ):
        assert _api(client, _payload(slot, **NEW_SCHOOL)).status_code == 201
    assert_at_most(captured)
    assert Booking.objects.get().school.brin_code == "12AB"


def test_api_repeated_request_answers_the_first_booking(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    payload = _payload(slot, school_id=SchoolFactory().pk)
    with django_capture_on_commit_callbacks(execute=True):  # the first booking's mails are queued
        first = _api(client, payload).json()
    # The repeat is refused by the key's unique index, rolled back, and answered with the first
    # booking: one look-up more than a booking, and a rare path.
    with (
        django_capture_on_commit_callbacks(execute=False),
        django_assert_max_num_queries(MAX_QUERIES + 1 + SAVEPOINTS + 1) as captured,
    ):
        again = _api(client, payload)
    assert_at_most(captured, MAX_QUERIES + 1)
    assert (again.status_code, again.json()["id"]) == (200, first["id"])
    assert Booking.objects.count() == 1


def test_api_booking_of_a_full_slot_joins_the_waiting_list(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    slot.capacity_classes = 1
    slot.save()
    school = SchoolFactory()
    with django_capture_on_commit_callbacks(execute=False):
        assert _api(client, _payload(slot, school_id=school.pk)).status_code == 201
    payload = _payload(slot, school_id=school.pk, waitlist=True)
    with (
        django_capture_on_commit_callbacks(execute=False),
        django_assert_max_num_queries(MAX_QUERIES + SAVEPOINTS) as captured,
    ):
        assert _api(client, payload).status_code == 201
    assert_at_most(captured)
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
    with (
        django_capture_on_commit_callbacks(execute=False),
        django_assert_max_num_queries(MAX_QUERIES + SAVEPOINTS) as captured,
    ):
        assert client.post(f"/boeken/tijdslot/{slot.pk}/", data).status_code == 302
    # Counted with the test's cold cache: Wagtail's site root paths (the page's language) are one
    # query here, cached in production. The form takes the slot the view has read.
    assert_at_most(captured)
    assert Booking.objects.get().school.brin_code == "12AB"


def test_api_booking_with_its_task_row_in_at_most_8_statements(
    client, slot, settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """With the production task backend the request also writes, on commit, the one task row that
    hands the mails and the reference index to the worker (and the row linking it to the request)."""
    payload = _payload(slot, school_id=SchoolFactory().pk)  # its own index tasks run here, inline
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with (
        django_assert_max_num_queries(MAX_QUERIES + SAVEPOINTS) as captured,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert _api(client, payload).status_code == 201
    assert_at_most(captured)
    tasks = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert tasks == ["cms.bookings.services.queue_new_booking_mails"]


def test_api_booking_for_a_new_school_writes_one_task_with_the_booking(
    client, slot, settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """The booking's one task row (written in its transaction: one commit) also indexes the school
    it registered; before, the school had a task row of its own, and each row its own commit.
    Registering the school is one upsert, not a look-up of its BRIN code and an insert."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with (
        django_assert_max_num_queries(MAX_QUERIES + SAVEPOINTS) as captured,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        assert _api(client, _payload(slot, **NEW_SCHOOL)).status_code == 201
    assert_at_most(captured)
    assert callbacks == [], "nothing is left for after the commit"
    task = DBTaskResult.objects.get()
    booking = Booking.objects.get()
    assert task.task_path == "cms.bookings.services.queue_new_booking_mails"
    assert task.args_kwargs["args"] == [booking.pk, booking.school_id]


def test_a_school_registered_by_a_booking_is_found_in_the_admin_search(
    client, slot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert _api(client, _payload(slot, **NEW_SCHOOL)).status_code == 201

    found = get_search_backend().search("Regenboog", School)
    assert [school.brin_code for school in found] == ["12AB"]


def test_a_known_brin_code_typed_with_every_detail_books_the_known_school(
    client, slot, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    known = SchoolFactory(name="OBS De Regenboog", brin_code="12AB", city="Rotterdam")
    typed = {**NEW_SCHOOL, "school_name": "Regenboogschool", "school_city": "Schiedam"}
    with (
        django_capture_on_commit_callbacks(execute=False),
        django_assert_max_num_queries(MAX_QUERIES + SAVEPOINTS) as captured,
    ):
        assert _api(client, _payload(slot, **typed)).status_code == 201
    assert_at_most(captured)
    assert Booking.objects.get().school_id == known.pk
    known.refresh_from_db()
    assert (School.objects.count(), known.name, known.city) == (1, "OBS De Regenboog", "Rotterdam")
