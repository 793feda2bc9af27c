"""django-axes hooks: which client address counts, and the Dutch page a locked-out login gets."""

from __future__ import annotations

import ipaddress

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cms.ratelimit import client_ip as ratelimit_client_ip


def client_ip(request: HttpRequest) -> str | None:
    """The same client address the rate limits use (``CLIENT_IP_HEADER``, default ``REMOTE_ADDR``).

    None when that is not an IP address (no address, or a forged header): axes stores addresses in
    an IP column, where anything else would fail on PostgreSQL; the account lockout still counts.
    """
    value = ratelimit_client_ip(request)
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """429 with Wagtail's login look: says why, for how long, and who can lift it.

    Rendered here: axes' middleware swaps it in after the view, past Django's template rendering.
    """
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    response = render(
        request,
        "accounts/lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "cool_off_minutes": minutes},
        status=429,
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
