from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchInsightConfig(AppConfig):
    """What teachers search for and open in the databank, without personal data, for the editors."""

    name = "search_insight"
    label = "search_insight"
    verbose_name = _("Search insight")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
