from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    """Who sees which document or image (listed after wagtail.documents and wagtail.images)."""

    name = "cms.files"
    label = "files"
    verbose_name = _("Files")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import api

        api.restrict_file_endpoints()
