from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandingConfig(AppConfig):
    """Per-region look (logo, colours, footer) as Wagtail site settings; a plugin: remove it and the
    site falls back to the default Sterk Techniekonderwijs look."""

    name = "cms.branding"
    label = "branding"
    verbose_name = _("House style")
    default_auto_field = "django.db.models.BigAutoField"
