"""The signed links in loan mails: change or cancel a reservation, accept a waiting-list offer.

Made by the mails, read by the services (which decide what a link may still do).
"""

from cms.signed_links import RowLink, SignedLink

from .models import Reservation

MANAGE_LINK = RowLink(SignedLink("cms.loans.manage"), id_name="r")
#: The thank-you page after reserving (its URL holds the reservation id for a day).
DONE_LINK = SignedLink("cms.loans.view", max_age=60 * 60 * 24)


def make_manage_token(reservation: Reservation) -> str:
    """The token of the reservation's change/cancel (and accept-offer) link."""
    return MANAGE_LINK.make(reservation.pk, reservation.idempotency_key)
