"""What counts as a kit lent, for the funders' figures (like :mod:`cms.bookings.reporting` for lessons).

A loan counts once its copy was actually picked up (the desk recorded the pick-up): picked up,
overdue or returned. Reservations that were only requested, confirmed or offered, and cancelled
ones, do not. Anonymised loans keep counting (:mod:`cms.loans.privacy` keeps school, kit, period
and pupils reached). The period is the pick-up day; the pupils reached are the number the school
gave on return.
"""

from django.db.models import QuerySet

from .models import Reservation


def lent_reservations() -> QuerySet[Reservation]:
    """Loans whose copy was picked up (each one kit lent to one school)."""
    return Reservation.objects.filter(picked_up_at__isnull=False).exclude(status=Reservation.Status.CANCELLED)
