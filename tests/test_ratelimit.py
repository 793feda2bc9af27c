"""The shared per-IP rate limit."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from cms import ratelimit


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(ip: str, **meta):
    return RequestFactory().get("/", REMOTE_ADDR=ip, **meta)


def test_allows_up_to_the_limit_per_address_and_scope():
    results = [ratelimit.allow(request_from("10.0.0.1"), scope="form", limit=(3, 60)) for _ in range(4)]
    assert results == [True, True, True, False]
    assert ratelimit.allow(request_from("10.0.0.2"), scope="form", limit=(3, 60))
    assert ratelimit.allow(request_from("10.0.0.1"), scope="other", limit=(3, 60))


def test_no_limit_switches_it_off():
    assert all(ratelimit.allow(request_from("10.0.0.1"), scope="form", limit=None) for _ in range(50))


def test_forwarded_header_is_used_only_when_configured():
    forwarded = request_from("10.0.0.9", HTTP_X_REAL_IP="192.0.2.7, 10.0.0.9")
    assert ratelimit.client_ip(forwarded) == "10.0.0.9"
    assert ratelimit.client_ip(forwarded, "HTTP_X_REAL_IP") == "192.0.2.7"


def test_a_refusal_knows_how_long_until_the_window_frees():
    request = request_from("10.0.0.1")
    ratelimit.allow(request, scope="form", limit=(1, 60))
    assert not hasattr(request, ratelimit.RETRY_AFTER_ATTRIBUTE), "nothing to wait for while allowed"

    refused = request_from("10.0.0.1")
    assert not ratelimit.allow(refused, scope="form", limit=(1, 60))

    assert 1 <= getattr(refused, ratelimit.RETRY_AFTER_ATTRIBUTE) <= 60


def test_any_key_can_be_limited_and_says_how_long_to_wait():
    waits = [ratelimit.hit("newsletters:confirm:someone", limit=(2, 3600)) for _ in range(3)]

    assert waits[:2] == [0, 0]
    assert 1 <= waits[2] <= 3600
    assert ratelimit.hit("newsletters:confirm:someone-else", limit=(2, 3600)) == 0


@pytest.mark.django_db
def test_events_form_and_api_answer_429_with_retry_after(client, region_site, settings):
    """Every rate-limited place (bookings, events, newsletters, contributions) shares this header."""
    from tests.factories import EventPageFactory

    settings.BOOKINGS_RATE_LIMIT = (0, 60)
    event = EventPageFactory(parent=region_site.events, capacity=2)

    api = client.post(
        f"/api/v3/event-registrations/{event.pk}/",
        {"name": "Anna", "email": "anna@school.nl", "privacy_consent": True},
        content_type="application/json",
    )
    page = client.post(reverse("events:register", args=[event.pk]), {"name": "Anna"})

    assert api.status_code == 429
    assert 1 <= int(api["Retry-After"]) <= 60
    assert page.status_code == 429
    assert 1 <= int(page["Retry-After"]) <= 60
