from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MilestonesConfig(AppConfig):
    name = "cms.milestones"
    label = "milestones"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Milestones")
