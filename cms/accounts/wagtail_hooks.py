from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class LockoutMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(views.LOCKOUT_PERMISSION)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
        path("two-factor/setup/", views.setup, name="accounts_two_factor_setup"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="accounts_recovery_codes"),
        path(
            "two-factor/recovery-codes/new/",
            views.regenerate_recovery_codes,
            name="accounts_regenerate_recovery_codes",
        ),
        path("lockouts/", views.LockoutIndexView.as_view(), name="accounts_lockouts"),
        path("lockouts/release/", views.release_lockout, name="accounts_lockout_release"),
        path("lockouts/reset-two-factor/", views.reset_two_factor, name="accounts_two_factor_reset"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockout_menu_item():
    return LockoutMenuItem(_("Login lockouts"), reverse("accounts_lockouts"), icon_name="lock", order=650)


@hooks.register("register_account_menu_item")
def register_two_factor_menu_item(request):
    if user_has_device(request.user, confirmed=True):
        return {
            "url": reverse("accounts_two_factor_setup"),
            "label": _("Replace authenticator app"),
            "help_text": _("Set up two-step verification on a new phone; the old one stops working."),
        }
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": _("Set up two-step verification"),
        "help_text": _("After your password, sign in with a code from an authenticator app on your phone."),
    }
