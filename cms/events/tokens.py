"""The signed cancel link in registration mails; valid until the event starts (checked by the services)."""

from cms.signed_links import RowLink, SignedLink

from .models import EventRegistration

CANCEL_LINK = RowLink(SignedLink("cms.events.cancel"), id_name="r")


def make_cancel_token(registration: EventRegistration) -> str:
    """The token of the registration's cancel link."""
    return CANCEL_LINK.make(registration.pk, registration.idempotency_key)
