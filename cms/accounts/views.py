"""Second-factor pages after Wagtail's password login, and the lockout overview for Beheer."""

from __future__ import annotations

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .forms import TokenForm

#: Session key holding freshly made recovery codes until the one page that shows them.
RECOVERY_CODES_SESSION_KEY = "accounts_new_recovery_codes"
#: Who may see and lift login lockouts and reset lost devices: whoever manages accounts (Beheer).
LOCKOUT_PERMISSION = "auth.change_user"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def verify(request: HttpRequest) -> HttpResponse:
    """Asks a signed-in account with a device for its code (or a recovery code)."""
    if request.user.is_verified() or not services.must_verify(request.user):
        return redirect(_next_url(request))
    form = TokenForm(request.POST or None)
    wait = services.seconds_until_next_try(request.user) if request.method == "POST" else 0
    if wait:
        form.add_error(
            None, _("Too many wrong codes. Wait %(seconds)d seconds and try again.") % {"seconds": wait}
        )
    elif request.method == "POST" and form.is_valid():
        device = services.verify_second_factor(request.user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            if device.persistent_id.startswith("otp_static"):
                left = services.remaining_recovery_codes(request.user)
                messages.warning(
                    request,
                    _("You signed in with a recovery code. Recovery codes left: %(count)d.")
                    % {"count": left},
                )
            return redirect(_next_url(request))
        form.add_error(
            "token", _("This code is not correct or has expired. Try the next code from your app.")
        )
    return TemplateResponse(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})


def setup(request: HttpRequest) -> HttpResponse:
    """Adds an authenticator app: QR code (SVG, no script) and the key, confirmed with one code."""
    if services.must_verify(request.user) and not request.user.is_verified():
        return redirect(reverse("accounts_two_factor_verify"))
    device = services.pending_totp_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_totp_device(device, form.cleaned_data["token"])
        if codes is not None:
            django_otp.login(request, device)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return redirect(_with_next("accounts_recovery_codes", _next_url(request)))
        form.add_error(
            "token", _("This code is not correct. Check the time on your phone and try the next code.")
        )
    context = {
        "form": form,
        "qr_code": services.qr_code_svg(device),
        "manual_key": services.manual_key(device),
        "required": services.must_set_up(request.user),
        "next": _next_url(request),
    }
    return TemplateResponse(request, "accounts/setup.html", context)


def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shows new recovery codes exactly once; after that only their number is known."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(_next_url(request))
    return TemplateResponse(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
    )


@require_POST
def regenerate_recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones stop working), for a verified account with a device."""
    if not request.user.is_verified():
        raise PermissionDenied
    request.session[RECOVERY_CODES_SESSION_KEY] = services.new_recovery_codes(request.user)
    return redirect(_with_next("accounts_recovery_codes", reverse("wagtailadmin_account")))


class LockoutIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Accounts and addresses with failed logins; Beheer lifts a lockout here."""

    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Login lockouts")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(LOCKOUT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["lockouts"] = [(lockout, services.is_locked(lockout)) for lockout in services.lockouts()]
        return context


@require_POST
def release_lockout(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(LOCKOUT_PERMISSION):
        raise PermissionDenied
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    if kind in ("username", "ip_address") and value:
        services.release(kind, value)
        messages.success(
            request, _("Failed logins for “%(value)s” cleared; signing in works again.") % {"value": value}
        )
    return redirect("accounts_lockouts")


@require_POST
def reset_two_factor(request: HttpRequest) -> HttpResponse:
    """Beheer removes the devices of someone who lost phone and recovery codes."""
    if not request.user.has_perm(LOCKOUT_PERMISSION):
        raise PermissionDenied
    user = get_user_model().objects.filter(username=request.POST.get("username", "").strip()).first()
    if user is None:
        messages.error(request, _("There is no account with this username."))
    elif not services.may_reset_two_factor(request.user, user):
        raise PermissionDenied
    else:
        services.reset_two_factor(user)
        messages.success(
            request,
            _("Two-step verification of “%(username)s” was reset; they set it up again at their next login.")
            % {"username": user.get_username()},
        )
    return redirect("accounts_lockouts")
