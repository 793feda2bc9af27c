from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "cms.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self) -> None:
        from . import api

        api.register()
