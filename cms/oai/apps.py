from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OaiConfig(AppConfig):
    name = "cms.oai"
    label = "oai"
    verbose_name = _("Edurep harvesting (OAI-PMH)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
