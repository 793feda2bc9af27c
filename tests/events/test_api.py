"""The JSON API: POST registrations (201/200/400/404/409) and teams (201/400 after the deadline)."""

import datetime as dt
import json
import uuid

import pytest
from django.utils import timezone

from cms.events import tokens
from cms.events.models import ChallengeTeam, EventRegistration
from tests.api.problems import assert_problem, error_fields, errors_at
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def post(client, url, payload, **headers):
    return client.post(
        url, json.dumps(payload), content_type="application/json", HTTP_ACCEPT_LANGUAGE="nl", **headers
    )


def registration(**overrides) -> dict:
    payload = {
        "name": "Anna de Vries",
        "email": f"{uuid.uuid4().hex[:8]}@school.nl",
        "organisation": "Vmbo College Zuid",
        "role": "teacher",
        "privacy_consent": True,
    }
    payload.update(overrides)
    return payload


def url(event) -> str:
    return f"/api/v3/event-registrations/{event.pk}/"


def test_registration_is_created_with_201(client, event, django_assert_max_num_queries):
    # Constant, not per row: the mail's links and house style look the event's Site up 5 times
    # (page.get_site() per link; a cached site for mail is the next saving).
    with django_assert_max_num_queries(34):
        response = post(client, url(event), registration())

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["event"] == event.pk


def test_repeated_idempotency_key_returns_the_first_registration_with_200(client, event):
    payload = registration(idempotency_key=uuid.uuid4().hex)

    first = post(client, url(event), payload)
    second = post(client, url(event), payload)

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]


def test_full_event_answers_409_with_waitlist_option_then_waitlists(client, event):
    post(client, url(event), registration())
    post(client, url(event), registration())

    full = post(client, url(event), registration())
    waiting = post(client, url(event), registration(waitlist=True))

    body = assert_problem(full, 409)
    assert body["waitlist_available"] is True
    assert body["code"] == "full"
    assert errors_at(body, "body", "event") == [body["detail"]]
    assert waiting.status_code == 201
    assert waiting.json()["status"] == "waitlisted"


def test_bad_input_answers_400_with_dutch_field_errors(client, event):
    response = post(client, url(event), {"name": "", "email": "geen-adres", "role": "piraat"})

    body = assert_problem(response, 400)
    assert body["code"] == "invalid"
    assert error_fields(body) >= {"name", "email", "role", "privacy_consent"}
    assert "privacyverklaring" in errors_at(body, "body", "privacy_consent")[0]
    assert {e["type"] for e in body["errors"] if e["loc"] == ["body", "name"]} == {"required"}
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize("body", [b"", b"[]", b"not json", b'{"name": ' + b"x" * 20000 + b"}"])
def test_malformed_body_answers_400(client, event, body):
    response = client.post(url(event), body, content_type="application/json")

    problem = assert_problem(response, 400)
    assert problem["code"] in {"invalid_json", "too_large"}
    assert errors_at(problem, "body") == [problem["detail"]]


def test_unknown_or_draft_event_answers_404(client, event):
    event.unpublish()

    assert assert_problem(post(client, url(event), registration()), 404)["code"] == "not_found"
    body = assert_problem(post(client, "/api/v3/event-registrations/999999/", registration()), 404)
    assert body["detail"] == "Deze bijeenkomst bestaat niet."


def test_cancel_by_token(client, event):

    created = post(client, url(event), registration()).json()
    token = tokens.make_cancel_token(EventRegistration.objects.get(pk=created["id"]))

    first = post(client, "/api/v3/event-registrations/cancel/", {"token": token})
    second = post(client, "/api/v3/event-registrations/cancel/", {"token": token})

    assert first.status_code == 200
    assert first.json()["status"] == "cancelled"
    assert assert_problem(second, 400)["code"]


def team(**overrides) -> dict:
    payload = {
        "school_name": "Vmbo De Brug",
        "school_brin": "23CD",
        "school_postcode": "3011ab",
        "school_city": "Rotterdam",
        "team_name": "De Zonnejagers",
        "pupils": 5,
        "teacher_name": "Meester Bram",
        "teacher_email": "bram@debrug.nl",
        "privacy_consent": True,
    }
    payload.update(overrides)
    return payload


def test_team_registration_with_known_school_is_created(client, challenge):
    school = SchoolFactory()

    response = post(client, f"/api/v3/challenge-teams/{challenge.pk}/", team(school_id=school.pk))

    assert response.status_code == 201, response.content
    assert response.json()["school"] == school.name


def test_team_registration_after_the_deadline_answers_400_in_dutch(client, challenge):
    challenge.registration_deadline = timezone.now() - dt.timedelta(hours=1)
    challenge.save_revision().publish()

    response = post(client, f"/api/v3/challenge-teams/{challenge.pk}/", team())

    body = assert_problem(response, 400)
    assert body["code"] == "deadline_passed"
    assert "deadline" in body["detail"]
    assert errors_at(body, "body", "challenge") == [body["detail"]]
    assert not ChallengeTeam.objects.exists()


def test_team_with_bad_school_details_and_duplicate_name_answer_400(client, challenge):
    bad = post(
        client, f"/api/v3/challenge-teams/{challenge.pk}/", team(school_brin="XX", school_postcode="1")
    )
    assert {"school_brin", "school_postcode"} <= error_fields(assert_problem(bad, 400))

    assert post(client, f"/api/v3/challenge-teams/{challenge.pk}/", team()).status_code == 201
    duplicate = post(client, f"/api/v3/challenge-teams/{challenge.pk}/", team(team_name="de zonnejagers"))
    assert errors_at(assert_problem(duplicate, 400), "body", "team_name")


def test_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]

    assert "/api/v3/event-registrations/{event_id}/" in paths
    assert "/api/v3/challenge-teams/{challenge_id}/" in paths


def test_after_the_event_started_the_registration_cannot_be_cancelled(client, region_site):
    from django.utils import timezone

    from cms.events.models import EventRegistration
    from tests.events.factories import EventRegistrationFactory
    from tests.factories import EventPageFactory

    event = EventPageFactory(parent=region_site.events, start=timezone.now() - dt.timedelta(hours=1))
    registration = EventRegistrationFactory(event=event)

    response = client.post(
        "/api/v3/event-registrations/cancel/",
        {"token": tokens.make_cancel_token(registration)},
        content_type="application/json",
    )

    assert assert_problem(response, 400)["code"] == "event_started"
    registration.refresh_from_db()
    assert registration.status == EventRegistration.Status.CONFIRMED
