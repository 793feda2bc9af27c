"""The shared per-client rate limit: scopes with app defaults, one setting, one client-address rule."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse

from cms import ratelimit
from cms.errors import TooManyRequests
from tests.api.problems import assert_problem


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(ip: str, **meta):
    return RequestFactory().get("/", REMOTE_ADDR=ip, **meta)


def allowed(request, scope: str) -> bool:
    try:
        ratelimit.check(request, scope)
    except TooManyRequests:
        return False
    return True


def test_allows_up_to_the_limit_per_address_and_scope(settings):
    settings.RATE_LIMITS = {"bookings": (3, 60), "events.teams": (3, 60)}
    results = [allowed(request_from("10.0.0.1"), "bookings") for _ in range(4)]
    assert results == [True, True, True, False]
    assert allowed(request_from("10.0.0.2"), "bookings")
    assert allowed(request_from("10.0.0.1"), "events.teams")


def test_none_switches_a_scope_off(settings):
    settings.RATE_LIMITS = {"bookings": None}
    assert all(allowed(request_from("10.0.0.1"), "bookings") for _ in range(50))


def test_each_app_declares_the_defaults_of_its_scopes(settings):
    settings.RATE_LIMITS = {"bookings": (1, 60)}
    assert ratelimit.limit_for("bookings") == (1, 60), "the project overrides one scope"
    assert ratelimit.limit_for("events.registrations") == (20, 600), "the others keep the app's default"
    assert ratelimit.limit_for("newsletters.subscribe") == (10, 600)
    assert ratelimit.limit_for("newsletters.confirmation_mails") == (3, 3600)
    assert ratelimit.limit_for("editorial.contributions") == (5, 3600)


def test_an_undeclared_scope_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured):
        ratelimit.check(request_from("10.0.0.1"), "no-such-scope")


def test_forwarded_header_is_used_only_when_configured(settings):
    forwarded = request_from("10.0.0.9", HTTP_X_REAL_IP="192.0.2.7, 10.0.0.9")
    assert ratelimit.client_ip(forwarded) == "10.0.0.9"
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert ratelimit.client_ip(forwarded) == "192.0.2.7"
    assert ratelimit.client_ip(request_from("10.0.0.9")) == "10.0.0.9", "no header: the connection's address"


def test_a_refusal_knows_how_long_until_the_window_frees(settings):
    settings.RATE_LIMITS = {"bookings": (1, 60)}
    request = request_from("10.0.0.1")
    ratelimit.check(request, "bookings")
    assert not hasattr(request, ratelimit.RETRY_AFTER_ATTRIBUTE), "nothing to wait for while allowed"

    refused = request_from("10.0.0.1")
    with pytest.raises(TooManyRequests) as refusal:
        ratelimit.check(refused, "bookings", "Even wachten")

    assert (refusal.value.status, refusal.value.code, refusal.value.message) == (
        429,
        "rate_limited",
        "Even wachten",
    )
    assert 1 <= refusal.value.retry_after <= 60
    assert getattr(refused, ratelimit.RETRY_AFTER_ATTRIBUTE) == refusal.value.retry_after


def test_any_key_can_be_limited_in_a_scope_and_says_how_long_to_wait(settings):
    settings.RATE_LIMITS = {"newsletters.confirmation_mails": (2, 3600)}
    waits = [ratelimit.hit("newsletters.confirmation_mails", "someone") for _ in range(3)]

    assert waits[:2] == [0, 0]
    assert 1 <= waits[2] <= 3600
    assert ratelimit.hit("newsletters.confirmation_mails", "someone-else") == 0


@pytest.mark.django_db
def test_events_form_and_api_answer_429_with_retry_after_in_their_own_scopes(client, region_site, settings):
    """Events no longer share the bookings limit: registrations and teams have scopes of their own."""
    from tests.factories import ChallengePageFactory, EventPageFactory

    settings.RATE_LIMITS = {"events.registrations": (0, 60), "bookings": None, "events.teams": None}
    event = EventPageFactory(parent=region_site.events, capacity=2)

    api = client.post(
        f"/api/v3/event-registrations/{event.pk}/",
        {"name": "Anna", "email": "anna@school.nl", "privacy_consent": True},
        content_type="application/json",
    )
    page = client.post(reverse("events:register", args=[event.pk]), {"name": "Anna"})

    assert assert_problem(api, 429)["code"] == "rate_limited"
    assert 1 <= int(api["Retry-After"]) <= 60
    assert page.status_code == 429
    assert "Te veel pogingen" in page.content.decode()
    assert 1 <= int(page["Retry-After"]) <= 60

    challenge = ChallengePageFactory(parent=region_site.challenges)
    team_page = client.post(reverse("events:register_team", args=[challenge.pk]), {"team_name": "X"})
    assert team_page.status_code == 400, "the teams scope is not the registrations scope"
