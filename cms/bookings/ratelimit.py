"""Rate limit for the booking form and API (and event/challenge registrations).

Settings: ``BOOKINGS_RATE_LIMIT = (requests, seconds)`` (default 20 per 10 minutes; ``None``
switches it off) and ``BOOKINGS_CLIENT_IP_HEADER`` (default ``REMOTE_ADDR``).
"""

from django.conf import settings
from django.http import HttpRequest

from cms import ratelimit


def allow(request: HttpRequest, scope: str = "booking") -> bool:
    return ratelimit.allow(
        request,
        scope=f"bookings:{scope}",
        limit=getattr(settings, "BOOKINGS_RATE_LIMIT", (20, 600)),
        ip_header=getattr(settings, "BOOKINGS_CLIENT_IP_HEADER", "REMOTE_ADDR"),
    )
