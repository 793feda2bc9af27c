import importlib

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

#: Installed app -> the module in ``cms.dashboard.sources`` that adds its figures to the dashboard.
SOURCE_MODULES = {
    "cms.loans": "cms.dashboard.sources.loans",
    "cms.professionalisation": "cms.dashboard.sources.professionalisation",
    "cms.evaluations": "cms.dashboard.sources.evaluations",
}


class DashboardConfig(AppConfig):
    name = "cms.dashboard"
    label = "dashboard"
    verbose_name = _("Funders' dashboard")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Only the adapters of installed apps are imported: the dashboard never needs these apps.
        for app, module in SOURCE_MODULES.items():
            if apps.is_installed(app):
                importlib.import_module(module)
