"""Per-IP rate limiting with Django's cache (fixed windows), shared by the public forms and APIs.

With several server processes use a shared cache (Redis, database), not the local-memory one.
Only trust a forwarded-for header (``ip_header``) behind a proxy that rewrites it.
"""

import time

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest, ip_header: str = "REMOTE_ADDR") -> str:
    value = request.META.get(ip_header) or request.META.get("REMOTE_ADDR") or "unknown"
    return value.split(",")[0].strip()


def allow(
    request: HttpRequest, *, scope: str, limit: tuple[int, int] | None, ip_header: str = "REMOTE_ADDR"
) -> bool:
    """Count this request in the client's window for ``scope``; False once ``limit`` = (requests, seconds) is exceeded.

    ``limit=None`` switches limiting off.
    """
    if not limit:
        return True
    requests, seconds = limit
    window = int(time.time() // seconds)
    key = f"ratelimit:{scope}:{client_ip(request, ip_header)}:{window}"
    if cache.add(key, 1, timeout=seconds):
        return requests >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return requests >= 1
    return count <= requests
