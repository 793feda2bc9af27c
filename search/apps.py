from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Databank search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.api.routers import register_router

        from . import api, indexing

        register_router("/databank/", api.router)
        indexing.connect()
