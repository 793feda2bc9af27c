from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "cms.partners"
    label = "partners"
    verbose_name = _("Partner offering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import api

        api.register()
