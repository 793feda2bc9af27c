from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "cms.bookings"
    label = "bookings"
    verbose_name = _("Bookings")
    default_auto_field = "django.db.models.BigAutoField"
    #: Default rate limits (``RATE_LIMITS`` overrides), per client address: booking form and API;
    #: school look-ups (the form asks while a teacher types, a school's network shares one address).
    rate_limits = {"bookings": (20, 600), "school_lookup": (300, 600)}

    def ready(self) -> None:
        from . import api

        api.register()
