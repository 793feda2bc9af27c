"""Rate limiting with Django's cache (fixed windows), shared by the public forms and APIs.

With several server processes use a shared cache (Redis, database), not the local-memory one.
Only trust a forwarded-for header (``ip_header``) behind a proxy that rewrites it.

Every 429 tells the client when to come back: a refusal records on the request how many seconds
are left in the window, and :class:`RetryAfterMiddleware` puts that on the response as
``Retry-After``. So the callers (pages and API, in every app) only decide *that* they refuse.
"""

import math
import time
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

#: The request attribute holding the seconds until the window that refused this request frees.
RETRY_AFTER_ATTRIBUTE = "ratelimit_retry_after"


def client_ip(request: HttpRequest, ip_header: str = "REMOTE_ADDR") -> str:
    value = request.META.get(ip_header) or request.META.get("REMOTE_ADDR") or "unknown"
    return value.split(",")[0].strip()


def hit(key: str, limit: tuple[int, int] | None) -> int:
    """Count one attempt for ``key``; 0 while within ``limit`` = (attempts, seconds), else the seconds to wait.

    ``limit=None`` switches limiting off.
    """
    if not limit:
        return 0
    attempts, seconds = limit
    now = time.time()
    window = int(now // seconds)
    cache_key = f"ratelimit:{key}:{window}"
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


def allow(
    request: HttpRequest, *, scope: str, limit: tuple[int, int] | None, ip_header: str = "REMOTE_ADDR"
) -> bool:
    """Count this request in the client's window for ``scope``; False once ``limit`` = (requests, seconds) is exceeded.

    ``limit=None`` switches limiting off.
    """
    wait = hit(f"{scope}:{client_ip(request, ip_header)}", limit)
    if wait:
        setattr(request, RETRY_AFTER_ATTRIBUTE, max(wait, getattr(request, RETRY_AFTER_ATTRIBUTE, 0)))
    return not wait


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
