"""Rate limit for the public subscribe form and API.

Every subscribe attempt sends a confirmation mail to an address the visitor chooses, so without a
limit the form is a tool to mail-bomb someone (and to hurt our sender reputation).

Settings: ``NEWSLETTER_SUBSCRIBE_RATE_LIMIT = (attempts, seconds)`` (default 10 per 10 minutes:
a school behind one NAT address can still sign up a team; ``None`` switches it off) and
``NEWSLETTER_CLIENT_IP_HEADER`` (default ``REMOTE_ADDR``).
"""

from django.conf import settings
from django.http import HttpRequest

from cms import ratelimit


def allow(request: HttpRequest, scope: str = "subscribe") -> bool:
    return ratelimit.allow(
        request,
        scope=f"newsletters:{scope}",
        limit=getattr(settings, "NEWSLETTER_SUBSCRIBE_RATE_LIMIT", (10, 600)),
        ip_header=getattr(settings, "NEWSLETTER_CLIENT_IP_HEADER", "REMOTE_ADDR"),
    )
