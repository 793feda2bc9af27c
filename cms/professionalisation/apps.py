from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfessionalisationConfig(AppConfig):
    name = "cms.professionalisation"
    label = "professionalisation"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Teachers' professional development")
    #: The forms that mail a teacher the link to their record and a school's contact the link to
    #: the school's overview, per client address.
    rate_limits = {"professionalisation.record_link": (10, 600), "professionalisation.school_link": (10, 600)}

    def ready(self) -> None:
        from . import receivers  # noqa: F401
