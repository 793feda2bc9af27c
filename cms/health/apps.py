from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    """Health endpoints for load balancers and one structured log line per request and per task."""

    name = "cms.health"
    label = "health"
    verbose_name = _("Health and logs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the task log receivers)
