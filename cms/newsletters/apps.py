from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "cms.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")
    default_auto_field = "django.db.models.BigAutoField"
    #: Default rate limits (``RATE_LIMITS`` overrides): subscribe attempts per client address (a school
    #: behind one NAT address can still sign up a team) and confirmation mails per mailbox.
    rate_limits = {"newsletters.subscribe": (10, 600), "newsletters.confirmation_mails": (3, 3600)}

    def ready(self) -> None:
        from . import api

        api.register()
