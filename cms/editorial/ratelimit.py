"""Rate limit for the public contribution form and API (``EDITORIAL_CONTRIBUTIONS_PER_HOUR``, default 5)."""

from django.conf import settings
from django.http import HttpRequest

from cms import ratelimit


def allow_contribution(request: HttpRequest) -> bool:
    return ratelimit.allow(
        request,
        scope="editorial:contributions",
        limit=(getattr(settings, "EDITORIAL_CONTRIBUTIONS_PER_HOUR", 5), 3600),
    )
