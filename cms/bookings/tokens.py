"""The signed link in booking mails: the school cancels or changes its booking with it.

Made by the mails, read by the services (which decide what the link may still do: it works until
the lesson starts or the booking deadline passes, so it needs no max-age of its own).
"""

from cms.signed_links import RowLink, SignedLink

from .models import Booking

CANCEL_LINK = RowLink(SignedLink("cms.bookings.cancel"), id_name="b")
#: The thank-you page after booking (its URL holds the booking id for a day).
DONE_LINK = SignedLink("cms.bookings.view", max_age=60 * 60 * 24)


def make_cancel_token(booking: Booking) -> str:
    """The token of the booking's cancel/change link."""
    return CANCEL_LINK.make(booking.pk, booking.idempotency_key)
