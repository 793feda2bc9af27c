from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")
    default_auto_field = "django.db.models.BigAutoField"
    #: Default rate limits (``RATE_LIMITS`` overrides): contributions per client address.
    rate_limits = {"editorial.contributions": (5, 3600)}

    def ready(self) -> None:
        from . import api, signals

        signals.connect()
        api.register()
