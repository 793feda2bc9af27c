"""Rate limiting with Django's cache (fixed windows): one helper for every public form and API.

Limits are named *scopes*. Each app declares the defaults of its scopes on its ``AppConfig``
(``rate_limits = {"bookings": (20, 600)}``), so a plugin install works without settings; a project
overrides any scope with ``RATE_LIMITS = {scope: (requests, seconds)}``, where ``None`` switches a
scope off. The client address is ``REMOTE_ADDR``, or the header in ``CLIENT_IP_HEADER`` (e.g.
``"HTTP_X_FORWARDED_FOR"``; only behind a proxy that rewrites it).

:func:`check` counts a request per client address and raises :class:`~cms.errors.TooManyRequests`
beyond the limit: the API's error handler answers it with a 429 problem, a form view shows its
message on the form with status 429. :func:`hit` limits any other key (e.g. mails per address).

With several server processes use a shared cache (Redis, database), not the local-memory one.

Every 429 tells the client when to come back: a refusal records on the request how many seconds
are left in the window and :class:`RetryAfterMiddleware` puts that on the response as
``Retry-After``, for pages and API alike.
"""

import math
import time
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise

from cms.errors import TooManyRequests

#: The request attribute holding the seconds until the window that refused this request frees.
RETRY_AFTER_ATTRIBUTE = "ratelimit_retry_after"

Limit = tuple[int, int] | None


def default_limits() -> dict[str, Limit]:
    """The scopes the installed apps declare (``AppConfig.rate_limits``) with their defaults."""
    defaults: dict[str, Limit] = {}
    for config in apps.get_app_configs():
        defaults.update(getattr(config, "rate_limits", {}))
    return defaults


def limit_for(scope: str) -> Limit:
    """``(requests, seconds)`` of ``scope``: the ``RATE_LIMITS`` setting, else the app's default."""
    overrides = getattr(settings, "RATE_LIMITS", {})
    if scope in overrides:
        return overrides[scope]
    defaults = default_limits()
    if scope not in defaults:
        raise ImproperlyConfigured(
            f"Unknown rate-limit scope {scope!r}: declare it in an AppConfig.rate_limits"
        )
    return defaults[scope]


def client_ip(request: HttpRequest) -> str:
    header = getattr(settings, "CLIENT_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR") or "unknown"
    return value.split(",")[0].strip()


def hit(scope: str, key: str) -> int:
    """Count one attempt for ``key`` in ``scope``: 0 while within the scope's limit, else the seconds to wait."""
    limit = limit_for(scope)
    if not limit:
        return 0
    attempts, seconds = limit
    now = time.time()
    window = int(now // seconds)
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    if cache.add(cache_key, 1, timeout=seconds):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # the key expired between add and incr
            cache.add(cache_key, 1, timeout=seconds)
            count = 1
    if count <= attempts:
        return 0
    return max(1, math.ceil((window + 1) * seconds - now))


def check(request: HttpRequest, scope: str, message: str | Promise | None = None) -> None:
    """Count this request in the client's window for ``scope``; raise ``TooManyRequests`` beyond the limit.

    ``message`` replaces the default "too many attempts" text (in the request's language).
    """
    wait = hit(scope, client_ip(request))
    if not wait:
        return
    setattr(request, RETRY_AFTER_ATTRIBUTE, max(wait, getattr(request, RETRY_AFTER_ATTRIBUTE, 0)))
    raise TooManyRequests(message, retry_after=wait)


class RetryAfterMiddleware:
    """Adds ``Retry-After`` (RFC 9110) to a 429 answer of a request a rate limit refused."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        wait = getattr(request, RETRY_AFTER_ATTRIBUTE, None)
        if response.status_code == 429 and wait and not response.has_header("Retry-After"):
            response["Retry-After"] = str(wait)
        return response
