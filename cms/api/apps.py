from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """Hardening shared by every endpoint under /api/v3/ (errors; see middleware.py for caching)."""

    name = "cms.api"
    label = "cms_api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.api.v3.api import api

        from .errors import register_exception_handlers, register_problem_schema_media_types
        from .requests import JSONParser
        from .routers import describe_api

        api.parser = JSONParser()
        register_exception_handlers(api)
        register_problem_schema_media_types(api)
        describe_api(api)  # after the wrappers above: the cached document is their result
