from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "cms.events"
    label = "events"
    verbose_name = _("Event and challenge registrations")
    default_auto_field = "django.db.models.BigAutoField"
    #: Default rate limits (``RATE_LIMITS`` overrides): registration and team forms and API, per client address.
    rate_limits = {"events.registrations": (20, 600), "events.teams": (20, 600)}

    def ready(self) -> None:
        from . import api, receivers  # noqa: F401

        api.register()
