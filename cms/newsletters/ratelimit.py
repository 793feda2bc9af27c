"""Per-IP rate limit for the public subscribe form and API (Django's cache, fixed window).

Every subscribe attempt sends a confirmation mail to an address the visitor chooses, so without a
limit the form is a tool to mail-bomb someone (and to hurt our sender reputation).

Settings: ``NEWSLETTER_SUBSCRIBE_RATE_LIMIT = (attempts, seconds)`` (default 10 per 10 minutes:
a school behind one NAT address can still sign up a team; ``None`` switches it off) and
``NEWSLETTER_CLIENT_IP_HEADER`` (e.g. ``"HTTP_X_REAL_IP"`` behind a proxy you trust; default
``REMOTE_ADDR``). With several server processes use a shared cache (Redis, database), not locmem.

(The bookings app has the same helper; a shared ``cms.ratelimit`` would be the place for both.)
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    header = getattr(settings, "NEWSLETTER_CLIENT_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR") or "unknown"
    return value.split(",")[0].strip()


def allow(request: HttpRequest, scope: str = "subscribe") -> bool:
    """Count this attempt against the client's window; False once the limit is exceeded."""
    limit = getattr(settings, "NEWSLETTER_SUBSCRIBE_RATE_LIMIT", (10, 600))
    if not limit:
        return True
    attempts, seconds = limit
    window = int(time.time() // seconds)
    key = f"newsletters:ratelimit:{scope}:{client_ip(request)}:{window}"
    if cache.add(key, 1, timeout=seconds):
        return attempts >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return attempts >= 1
    return count <= attempts
