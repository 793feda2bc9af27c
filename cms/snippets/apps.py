from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SnippetsConfig(AppConfig):
    name = "cms.snippets"
    label = "snippets"
    verbose_name = _("Taxonomies and reference data")
    default_auto_field = "django.db.models.BigAutoField"
    #: Default rate limit (``RATE_LIMITS`` overrides) of school look-ups per client address: the
    #: forms ask while a teacher types, and a school's network shares one address.
    rate_limits = {"school_lookup": (300, 600)}

    def ready(self) -> None:
        from . import api

        api.register()
