"""What counts as reached for the funders' dashboard (``cms.dashboard``), which groups the figures.

A booking counts as *reached* when the lesson was given: marked completed, or still confirmed
with its date in the past (coordinators don't always mark lessons as given). Each booking is
one class.
"""

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Booking


def reached_bookings(today: dt.date | None = None) -> QuerySet[Booking]:
    """Bookings whose lesson was given (by ``today``)."""
    today = today or timezone.localdate()
    reached = Q(status=Booking.Status.COMPLETED) | Q(status=Booking.Status.CONFIRMED, slot__date__lt=today)
    return Booking.objects.filter(reached)
