import importlib

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

#: Installed app -> the module in ``cms.evaluations.sources`` that describes it to the registry.
SOURCE_MODULES = {
    "cms.bookings": "cms.evaluations.sources.bookings",
    "cms.events": "cms.evaluations.sources.events",
    "cms.newsletters": "cms.evaluations.sources.newsletters",
}


class EvaluationsConfig(AppConfig):
    name = "cms.evaluations"
    label = "evaluations"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Evaluations")
    #: Default rate limit (``RATE_LIMITS`` overrides) of the public answer form, per client address.
    rate_limits = {"evaluations.answers": (30, 600)}

    def ready(self) -> None:
        from . import registry, suppressions  # noqa: F401

        registry.register_suppression(suppressions.opted_out)
        # Only the adapters of installed apps are imported: evaluations never needs bookings or events.
        for app, module in SOURCE_MODULES.items():
            if apps.is_installed(app):
                importlib.import_module(module)
