from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = _("Pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Site

        from . import api, services

        api.register()
        post_save.connect(services.forget_sites, sender=Site, dispatch_uid="pages_site_saved")
        post_delete.connect(services.forget_sites, sender=Site, dispatch_uid="pages_site_deleted")
