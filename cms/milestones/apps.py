from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class MilestonesConfig(AppConfig):
    name = "cms.milestones"
    label = "milestones"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Milestones")

    def ready(self) -> None:
        # Plugin apps register their indicators in their own indicators.py (see cms.milestones.indicators).
        autodiscover_modules("indicators")
