"""The loans JSON API: availability, reserve (201/200/400/409/429), change and cancel by token."""

import datetime as dt
import json
import uuid

import pytest

from cms.loans.models import Reservation, WaitingListEntry
from cms.loans.tokens import make_manage_token
from tests.api.problems import assert_problem, error_fields
from tests.factories import SchoolFactory

from .factories import CopyFactory, ReservationFactory, next_monday

pytestmark = pytest.mark.django_db

URL = "/api/v3/loans/reservations/"


def payload(copy, **overrides) -> dict:
    values = {
        "item": copy.item_id,
        "pickup_point": copy.pickup_point_id,
        "start_week": next_monday().isoformat(),
        "weeks": 1,
        "school_name": "OBS De Regenboog",
        "school_brin": "12AB",
        "school_street": "Schoolstraat 1",
        "school_postcode": "3011AB",
        "school_city": "Rotterdam",
        "contact_name": "Juf Anna",
        "email": "anna@regenboog.nl",
        "privacy_consent": True,
        "idempotency_key": uuid.uuid4().hex,
    }
    values.update(overrides)
    return values


def post(client, body, url=URL, remote_addr="127.0.0.1"):
    return client.post(url, json.dumps(body), content_type="application/json", REMOTE_ADDR=remote_addr)


def test_items_show_free_weeks_per_pickup_point(client, django_assert_max_num_queries):
    copies = [CopyFactory() for _ in range(5)]
    ReservationFactory(copy=copies[0])
    with django_assert_max_num_queries(6):
        response = client.get("/api/v3/loans/items/")
    assert response.status_code == 200
    items = {item["id"]: item for item in response.json()}
    weeks = {w["monday"]: w for w in items[copies[0].item_id]["pickup_points"][0]["weeks"]}
    assert weeks[next_monday().isoformat()]["free"] == 0
    assert weeks[(next_monday() + dt.timedelta(weeks=1)).isoformat()]["free"] == 1


def test_availability_of_one_item_and_404(client):
    copy = CopyFactory()
    response = client.get(f"/api/v3/loans/items/{copy.item_id}/availability/")
    assert response.status_code == 200 and response.json()["pickup_points"][0]["id"] == copy.pickup_point_id
    assert_problem(client.get("/api/v3/loans/items/999999/availability/"), 404)


def test_reserve_creates_then_replays_with_the_same_key(client):
    copy = CopyFactory()
    body = payload(copy)
    first = post(client, body)
    assert first.status_code == 201, first.content
    assert first.json()["inventory_number"] == copy.inventory_number
    again = post(client, body)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert Reservation.objects.count() == 1


def test_reserve_with_a_known_school_id(client):
    school = SchoolFactory()
    response = post(client, payload(CopyFactory(), school_id=school.pk, school_name="", school_brin=""))
    assert response.status_code == 201 and response.json()["school"] == school.name


def test_bad_input_is_a_problem_with_field_errors(client):
    copy = CopyFactory()
    body = assert_problem(post(client, payload(copy, weeks=9, email="geen-mail", privacy_consent=True)), 400)
    assert {"weeks", "email"} <= error_fields(body)


def test_taken_period_is_409_with_waitlist_hint_and_then_waitlist(client):
    copy = CopyFactory()
    ReservationFactory(copy=copy)
    body = assert_problem(post(client, payload(copy)), 409)
    assert body["code"] == "unavailable" and body["waitlist_available"] is True
    waiting = post(client, payload(copy, waitlist=True))
    assert waiting.status_code == 201 and waiting.json()["waiting_list"] is True
    assert WaitingListEntry.objects.count() == 1


def test_rate_limit(client, settings):
    settings.RATE_LIMITS = {"loans": (2, 600)}
    copy = CopyFactory()
    for _ in range(2):
        post(client, payload(copy, weeks=9))
    assert_problem(post(client, payload(copy)), 429)


def test_change_and_cancel_with_the_token(client):
    copy = CopyFactory()
    reservation = ReservationFactory(copy=copy, contact_name="Juf Anna")
    token = make_manage_token(reservation)
    changed = post(
        client,
        {"token": token, "start_week": (next_monday() + dt.timedelta(weeks=1)).isoformat(), "weeks": 2},
        url=URL + "change/",
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["changed"] == ["period"]
    cancelled = post(client, {"token": token}, url=URL + "cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert_problem(post(client, {"token": token}, url=URL + "cancel/"), 400)


def test_forged_token_is_400(client):
    body = assert_problem(post(client, {"token": "vals"}, url=URL + "cancel/"), 400)
    assert body["code"] == "invalid_token"


def test_openapi_documents_the_loans_endpoints(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert {
        "/api/v3/loans/items/",
        "/api/v3/loans/reservations/",
        "/api/v3/loans/reservations/cancel/",
    } <= set(paths)
