from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfessionalisationConfig(AppConfig):
    name = "cms.professionalisation"
    label = "professionalisation"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Teachers' professional development")
    #: The form that mails a teacher the link to their record, per client address.
    rate_limits = {"professionalisation.record_link": (10, 600)}

    def ready(self) -> None:
        from . import receivers  # noqa: F401
