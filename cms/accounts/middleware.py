"""Admin session rules: a second factor before the admin opens, and an idle timeout for editors."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from . import services

# Admin pages an account may reach before it gave its second factor.
_ALWAYS_ALLOWED = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "accounts_two_factor_verify",
    }
)
_SETUP_URL_NAMES = frozenset({"accounts_two_factor_setup"})


def _admin_prefixes() -> tuple[str, ...]:
    prefixes = [reverse("wagtailadmin_home")]
    with contextlib.suppress(NoReverseMatch):  # django.contrib.admin is optional
        prefixes.append(reverse("admin:index"))
    return tuple(prefixes)


class TwoFactorMiddleware:
    """Keeps the admin closed until the account gave its second factor (django-otp).

    An account with a confirmed device is asked for its code; an account that must use two factors
    (:func:`services.must_set_up`) and has none is sent to set one up. Runs after django-otp's
    ``OTPMiddleware``, which tells whether this session is verified.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect = self._redirect(request)
        return redirect or self.get_response(request)

    def _redirect(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not request.path_info.startswith(_admin_prefixes()):
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in _ALWAYS_ALLOWED:
            return None
        if services.must_verify(user):
            return redirect_to_login(request.get_full_path(), reverse("accounts_two_factor_verify"))
        if services.must_set_up(user) and url_name not in _SETUP_URL_NAMES:
            return redirect_to_login(request.get_full_path(), reverse("accounts_two_factor_setup"))
        return None


class IdleSessionMiddleware:
    """Ends a signed-in session after ``ADMIN_SESSION_IDLE_TIMEOUT`` seconds without a request.

    Each request of a signed-in user moves the session's expiry forward; the session store then
    forgets a session nobody used for that long. Anonymous sessions keep ``SESSION_COOKIE_AGE``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        timeout = getattr(settings, "ADMIN_SESSION_IDLE_TIMEOUT", None)
        user = getattr(request, "user", None)
        if timeout and user is not None and user.is_authenticated and hasattr(request, "session"):
            request.session.set_expiry(timeout)
        return response
