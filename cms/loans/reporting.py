"""What counts as a kit lent, for the funders' figures (like :mod:`cms.bookings.reporting` for lessons).

A loan counts once its copy was actually picked up (the desk recorded the pick-up): picked up,
overdue or returned. Reservations that were only requested, confirmed or offered, and cancelled
ones, do not. Anonymised loans keep counting (:mod:`cms.loans.privacy` keeps school, kit, period
and pupils reached). The period is the pick-up day; the pupils reached are the number the school
gave on return.
"""

from django.db.models import QuerySet

from .models import Reservation

#: Loans that count in the figures: the kit went to the school.
COUNTED = (Reservation.Status.PICKED_UP, Reservation.Status.OVERDUE, Reservation.Status.RETURNED)
#: The region a loan counts for: the site of the pick-up point's techniekhuis, else the school's
#: region (as for lessons); the dashboard and the milestones both read it from here.
TECHNIEKHUIS_FIELD = "copy__pickup_point__techniekhuis"
FALLBACK_REGION_FIELD = "school__region_id"


def lent_reservations() -> QuerySet[Reservation]:
    """Loans whose copy was picked up (each one kit lent to one school)."""
    return Reservation.objects.filter(status__in=COUNTED)
