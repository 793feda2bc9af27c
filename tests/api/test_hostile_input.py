"""Hostile and careless input to /api/v3/ (issue 11, items 5, 12, 14, 15): a clear 4xx, never a 500.

Every JSON body goes through one parser (size, depth, content type, no NaN/Infinity), every body
schema is strict (no "5.5" for an id, no "no" for consent), every id is checked against the
database's 64-bit range, and every answer is problem+json in the request's language.
"""

import json
import uuid

import pytest
from django.core.cache import cache
from django.test import Client

from cms.bookings import tokens as booking_tokens
from cms.bookings.models import Booking
from cms.events.models import ChallengeTeam, EventRegistration
from cms.newsletters.models import Subscriber
from tests.api.problems import assert_problem, error_fields
from tests.bookings.factories import BookingFactory, TimeSlotFactory
from tests.factories import ChallengePageFactory, EventPageFactory, NewsArticlePageFactory, SchoolFactory

pytestmark = pytest.mark.django_db

TOO_BIG = "99999999999999999999"
DEEP = "[" * 1500 + "]" * 1500


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def booking(slot, /, **overrides) -> dict:
    return {
        "slot": slot.pk,
        "school_name": "OBS De Regenboog",
        "school_brin": "12AB",
        "school_street": "Schoolstraat 1",
        "school_postcode": "3011AB",
        "school_city": "Rotterdam",
        "contact_name": "Juf Anna",
        "email": "anna@regenboog.nl",
        "group": 6,
        "pupils": 24,
        "privacy_consent": True,
        "idempotency_key": uuid.uuid4().hex,
        **overrides,
    }


def registration(**overrides) -> dict:
    return {"name": "Anna de Vries", "email": "anna@school.nl", "privacy_consent": True, **overrides}


def team(**overrides) -> dict:
    return {
        "school_name": "Vmbo De Brug",
        "school_brin": "23CD",
        "school_postcode": "3011ab",
        "school_city": "Rotterdam",
        "team_name": "De Zonnejagers",
        "pupils": 5,
        "teacher_name": "Meester Bram",
        "teacher_email": "bram@debrug.nl",
        "privacy_consent": True,
        **overrides,
    }


def post(client, url, body, content_type="application/json", **extra):
    raw = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(url, raw, content_type=content_type, **extra)


@pytest.fixture
def write_urls(region_site):
    """Every JSON write endpoint with a valid body."""
    slot = TimeSlotFactory()
    token = booking_tokens.make_cancel_token(BookingFactory(slot=slot))
    event = EventPageFactory(parent=region_site.events, capacity=5)
    challenge = ChallengePageFactory(parent=region_site.challenges)
    return {
        "/api/v3/bookings/": booking(slot),
        "/api/v3/bookings/change/": {"token": token, "pupils": 20},
        "/api/v3/bookings/cancel/": {"token": token},
        f"/api/v3/event-registrations/{event.pk}/": registration(),
        "/api/v3/event-registrations/cancel/": {"token": "x"},
        f"/api/v3/challenge-teams/{challenge.pk}/": team(),
        "/api/v3/newsletters/subscribe": {"email": "a@b.nl", "consent": True},
    }


# --- item 5: one body-size and depth limit, no NaN/Infinity --------------------------------------


@pytest.mark.parametrize("index", range(7))
def test_deeply_nested_json_is_a_400(client, write_urls, index):
    url = list(write_urls)[index]
    body = assert_problem(post(client, url, DEEP), 400)
    assert body["code"] == "too_deep"
    assert body["detail"] == "De JSON in het verzoek is te diep genest."


@pytest.mark.parametrize("index", range(7))
def test_a_10_mb_body_is_a_400_to_every_json_endpoint(client, write_urls, index):
    url = list(write_urls)[index]
    huge = json.dumps({"token": "x", "email": "a@b.nl", "padding": "a" * 10_000_000})
    body = assert_problem(post(client, url, huge), 400)
    assert body["code"] == "too_large"


@pytest.mark.parametrize("constant", ["Infinity", "-Infinity", "NaN"])
def test_infinity_and_nan_are_not_json(client, region_site, constant):
    payload = json.dumps(booking(TimeSlotFactory())).replace('"group": 6', f'"group": {constant}')
    body = assert_problem(post(client, "/api/v3/bookings/", payload), 400)
    assert body["code"] == "invalid_json"
    payload = json.dumps(booking(TimeSlotFactory(), slot=0)).replace('"slot": 0', f'"slot": {constant}')
    assert assert_problem(post(client, "/api/v3/bookings/", payload), 400)["code"] == "invalid_json"
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/bookings/offerings/?techniekhuis=9223372036854775808",
        "/api/v3/bookings/offerings/?techniekhuis=-9223372036854775809",
        "/api/v3/news/99999999999999999999/",
    ],
)
def test_ids_past_64_bits_in_queries_and_api_paths_are_a_400(client, region_site, url):
    assert_problem(client.get(url), 400)


@pytest.mark.parametrize("prefix", ["/api/v3/event-registrations/", "/api/v3/challenge-teams/"])
def test_ids_past_64_bits_in_write_paths_are_a_400(client, region_site, prefix):
    assert_problem(post(client, f"{prefix}{TOO_BIG}/", registration()), 400)


@pytest.mark.parametrize(
    "url",
    [f"/databank/kit/{TOO_BIG}/zip/", f"/evenementen/{TOO_BIG}/agenda.ics", f"/boeken/tijdslot/{TOO_BIG}/"],
)
def test_ids_past_64_bits_in_page_urls_are_a_404(client, region_site, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("search", ['"', " ", "\x00", "a\x00b", "'", "(", "-", "*", "|&!:"])
def test_wagtails_page_search_takes_any_text(client, region_site, search):
    response = client.get("/api/v3/pages/", {"search": search})
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        assert_problem(response, 400)


@pytest.mark.parametrize("search", ['"', " ", "\x00", "a\x00b", "(", "|&!:"])
def test_our_search_endpoints_take_any_text(client, region_site, search):
    for url in ("/api/v3/databank/search", "/api/v3/databank/suggest"):
        response = client.get(url, {"q": search})
        assert response.status_code in (200, 400), (url, response.content)
        if response.status_code == 400:
            assert_problem(response, 400)


def test_quotes_and_control_characters_are_ignored_in_a_page_search(client, region_site):
    NewsArticlePageFactory(parent=region_site.news, title="Zonne-energie op school")
    for search in ['"zonne-energie"', "zonne\x00energie", "zonne-energie\n"]:
        response = client.get("/api/v3/pages/", {"search": search})
        assert response.status_code == 200, response.content
        assert [item["title"] for item in response.json()["items"]] == ["Zonne-energie op school"], search


# --- item 12: strict types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"slot": 5.5}, "slot"),
        ({"slot": "1"}, "slot"),
        ({"privacy_consent": "no"}, "privacy_consent"),
        ({"privacy_consent": "true"}, "privacy_consent"),
        ({"privacy_consent": 1}, "privacy_consent"),
        ({"school_id": True}, "school_id"),
        ({"pupils": [1]}, "pupils"),
        ({"group": 6.0}, "group"),
        ({"contact_name": ["Juf", "Anna"]}, "contact_name"),
        ({"waitlist": "yes"}, "waitlist"),
    ],
)
def test_booking_fields_take_their_json_type_only(client, region_site, overrides, field):
    slot = TimeSlotFactory()
    SchoolFactory()
    body = assert_problem(post(client, "/api/v3/bookings/", booking(slot, **overrides)), 400)
    assert field in error_fields(body), body
    assert not Booking.objects.exists()


def test_a_float_slot_does_not_book_the_slot_below(client, region_site):
    slot = TimeSlotFactory()
    response = post(client, "/api/v3/bookings/", booking(slot, slot=slot.pk + 0.5))
    assert_problem(response, 400)
    assert not Booking.objects.exists()


@pytest.mark.parametrize("payload", [{"pupils": [1]}, {"pupils": 20.5}, {"slot": True}, {"notes": 5}])
def test_change_fields_take_their_json_type_only(client, region_site, payload):
    existing = BookingFactory(pupils=10)
    token = booking_tokens.make_cancel_token(existing)
    body = assert_problem(post(client, "/api/v3/bookings/change/", {"token": token, **payload}), 400)
    assert set(payload) <= error_fields(body)
    existing.refresh_from_db()
    assert existing.pupils == 10


@pytest.mark.parametrize("consent", ["no", "yes", 1, "on", None])
def test_consent_is_a_json_true_and_nothing_else(client, region_site, consent):
    event = EventPageFactory(parent=region_site.events)
    challenge = ChallengePageFactory(parent=region_site.challenges)
    response = post(client, f"/api/v3/event-registrations/{event.pk}/", registration(privacy_consent=consent))
    assert "privacy_consent" in error_fields(assert_problem(response, 400))
    response = post(client, f"/api/v3/challenge-teams/{challenge.pk}/", team(privacy_consent=consent))
    assert "privacy_consent" in error_fields(assert_problem(response, 400))
    response = post(client, "/api/v3/newsletters/subscribe", {"email": "a@b.nl", "consent": consent})
    assert ["body", "payload", "consent"] in [e["loc"] for e in assert_problem(response, 400)["errors"]]
    assert not EventRegistration.objects.exists()
    assert not ChallengeTeam.objects.exists()
    assert not Subscriber.objects.exists()


def test_type_errors_are_dutch(client, region_site):
    body = assert_problem(post(client, "/api/v3/bookings/", booking(TimeSlotFactory(), slot=5.5)), 400)
    assert [e["msg"] for e in body["errors"] if e["loc"] == ["body", "slot"]] == ["Voer een geheel getal in."]


# --- item 14: JSON only as application/json -----------------------------------------------------


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "text/json"])
@pytest.mark.parametrize("index", range(7))
def test_json_endpoints_refuse_other_content_types(client, write_urls, index, content_type):
    url, payload = list(write_urls.items())[index]
    body = assert_problem(post(client, url, payload, content_type=content_type), 415)
    assert body["code"] == "unsupported_media_type"
    assert not Booking.objects.exclude(pk__in=Booking.objects.order_by("pk")[:1]).exists()


def test_json_with_a_charset_is_fine(client, region_site):
    response = post(
        client,
        "/api/v3/bookings/",
        booking(TimeSlotFactory()),
        content_type="application/json; charset=utf-8",
    )
    assert response.status_code == 201, response.content


# --- item 15: problem+json, in the request's language, 400 and 404 ------------------------------


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v3/bookings/cancel/", "not json"),
        ("/api/v3/bookings/cancel/", {}),
        ("/api/v3/bookings/cancel/", {"token": 5}),
        ("/api/v3/event-registrations/cancel/", "{"),
        ("/api/v3/newsletters/subscribe", "[1]"),
        ("/api/v3/newsletters/subscribe", {"email": 5}),
    ],
)
def test_fixed_schema_endpoints_answer_400_in_the_requests_language(client, region_site, url, body):
    dutch = assert_problem(post(client, url, body), 400)
    english = assert_problem(post(client, url, body, HTTP_ACCEPT_LANGUAGE="en"), 400)
    assert "Cannot parse" not in dutch["detail"]
    assert dutch["detail"] != english["detail"]
    for error in dutch.get("errors", []):
        assert "Input should" not in error["msg"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "get"])
def test_unknown_api_paths_are_a_problem_404_for_every_method(client, region_site, method):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)("/api/v3/bestaat-niet/", content_type="application/json")
    assert assert_problem(response, 404)["detail"] == "Niet gevonden"


@pytest.mark.parametrize("site", [",:\xa7\tD", "localhost:http", "localhost:99999"])
def test_a_site_with_a_bad_port_is_a_400_not_a_500(client, region_site, site):
    response = client.get("/api/v3/pages/find/", {"site": site, "html_path": "/x/"})
    assert_problem(response, 400)


def test_query_validation_errors_are_a_400(client, region_site):
    body = assert_problem(client.get("/api/v3/news/", {"year": "twee"}), 400)
    assert body["errors"][0]["msg"] == "Voer een geheel getal in."
