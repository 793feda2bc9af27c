from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoansConfig(AppConfig):
    name = "cms.loans"
    label = "loans"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Loans")
    #: Default rate limits (``RATE_LIMITS`` overrides): reservation form and API, per client address.
    rate_limits = {"loans": (20, 600)}

    def ready(self) -> None:
        from . import api, receivers

        api.register()
        receivers.connect()
