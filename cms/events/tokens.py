"""Signed tokens of registrations: the cancel link (valid until the event starts, checked by the
services) and the check-in QR code."""

from cms.signed_links import RowLink, SignedLink

from .models import EventRegistration

CANCEL_LINK = RowLink(SignedLink("cms.events.cancel"), id_name="r")


def make_cancel_token(registration: EventRegistration) -> str:
    """The token of the registration's cancel link."""
    return CANCEL_LINK.make(registration.pk, registration.idempotency_key)


#: The QR code in a confirmation mail: the registration's id and key prefix, signed; no personal data.
#: It never expires; it is single-use per date (an :class:`~cms.events.models.Attendance` row).
CHECKIN_LINK = RowLink(SignedLink("cms.events.checkin"), id_name="c")


def make_checkin_token(registration: EventRegistration) -> str:
    """The token in the registration's check-in QR code."""
    return CHECKIN_LINK.make(registration.pk, registration.idempotency_key)
