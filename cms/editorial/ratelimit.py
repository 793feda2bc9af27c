"""A small per-IP rate limit for the public contribution form and API (Django's cache)."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow_contribution(request: HttpRequest) -> bool:
    """Count one attempt for the client's IP; False once it exceeds the hourly limit."""
    limit = getattr(settings, "EDITORIAL_CONTRIBUTIONS_PER_HOUR", 5)
    key = f"editorial:contributions:{client_ip(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= limit
