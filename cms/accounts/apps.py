from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Admin account security: lockouts after failed logins, two-factor authentication, idle sessions."""

    name = "cms.accounts"
    label = "accounts"
    verbose_name = _("Account security")
    default_auto_field = "django.db.models.BigAutoField"
