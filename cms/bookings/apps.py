from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "cms.bookings"
    label = "bookings"
    verbose_name = _("Bookings")
    default_auto_field = "django.db.models.BigAutoField"
    #: Default rate limits (``RATE_LIMITS`` overrides): booking form and API, per client address.
    rate_limits = {"bookings": (20, 600)}

    def ready(self) -> None:
        from . import api

        api.register()
