"""Admin session rules: a second factor before the admin opens, and an idle timeout for editors."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import gettext as _

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
#: Session key: Unix time of this session's last request (see IdleSessionMiddleware).
LAST_ACTIVITY_SESSION_KEY = "accounts_last_activity"


def _may_be_signed_in(request: HttpRequest) -> bool:
    """Only a request with a session cookie can be signed in; asking request.user on any other
    would read the session and add "Vary: Cookie" to every public (cacheable) response."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _admin_prefixes() -> tuple[str, ...]:
    prefixes = [reverse("wagtailadmin_home")]
    with contextlib.suppress(NoReverseMatch):  # django.contrib.admin is optional
        prefixes.append(reverse("admin:index"))
    return tuple(prefixes)


class TwoFactorMiddleware:
    """Keeps the admin closed until the account gave its second factor (django-otp).

    An account with a confirmed device is asked for its code; an account that must use two factors
    (:func:`services.must_set_up`) and has none is sent to set one up. Elsewhere such a session
    counts as anonymous, so a password alone opens no draft file or restricted page either. Runs
    after django-otp's ``OTPMiddleware``, which tells whether this session is verified.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect = self._redirect(request)
        return redirect or self.get_response(request)

    def _redirect(self, request: HttpRequest) -> HttpResponse | None:
        if not _may_be_signed_in(request):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not request.path_info.startswith(_admin_prefixes()):
            # Outside the admin (documents, restricted pages, the API) a half signed-in session is anonymous.
            if services.must_verify(user) or services.must_set_up(user):
                request.user = AnonymousUser()
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
    """Signs out a session that made no request for ``ADMIN_SESSION_IDLE_TIMEOUT`` seconds.

    The time of the last request is kept in the session (written at most once a minute), so this
    works with every session store and keeps Wagtail's "remember me" (cookie until the browser
    closes, or not) as it is. Anonymous sessions are left alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timeout = getattr(settings, "ADMIN_SESSION_IDLE_TIMEOUT", None)
        if not timeout:
            return self.get_response(request)
        now = int(time.time())
        if _may_be_signed_in(request) and request.user.is_authenticated:
            last = request.session.get(LAST_ACTIVITY_SESSION_KEY)
            if last is not None and now - last > timeout:
                logout(request)
                messages.info(
                    request, _("You were signed out after a period without activity. Sign in again.")
                )
        response = self.get_response(request)
        # After the view, so the login request itself (which changes the session) starts the count.
        if (_may_be_signed_in(request) or request.session.modified) and request.user.is_authenticated:
            last = request.session.get(LAST_ACTIVITY_SESSION_KEY)
            if last is None or now - last >= 60:
                request.session[LAST_ACTIVITY_SESSION_KEY] = now
        return response
