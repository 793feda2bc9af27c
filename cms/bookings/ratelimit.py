"""Per-IP rate limiting with Django's cache (a fixed window per client address).

Settings: ``BOOKINGS_RATE_LIMIT = (requests, seconds)`` (default 20 per 10 minutes; ``None``
switches it off) and ``BOOKINGS_CLIENT_IP_HEADER`` (e.g. ``"HTTP_X_REAL_IP"`` behind a proxy
you trust; default ``REMOTE_ADDR``).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    header = getattr(settings, "BOOKINGS_CLIENT_IP_HEADER", "REMOTE_ADDR")
    return (request.META.get(header) or request.META.get("REMOTE_ADDR") or "unknown").split(",")[0].strip()


def allow(request: HttpRequest, scope: str = "booking") -> bool:
    """Count this request against the client's window; False once the limit is reached."""
    limit = getattr(settings, "BOOKINGS_RATE_LIMIT", (20, 600))
    if not limit:
        return True
    requests, seconds = limit
    window = int(time.time() // seconds)
    key = f"bookings:ratelimit:{scope}:{client_ip(request)}:{window}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True
    return count <= requests
