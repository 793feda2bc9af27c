from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SnippetsConfig(AppConfig):
    name = "cms.snippets"
    label = "snippets"
    verbose_name = _("Taxonomies and reference data")
    default_auto_field = "django.db.models.BigAutoField"
