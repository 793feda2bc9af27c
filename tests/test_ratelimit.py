"""The shared per-IP rate limit."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

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
