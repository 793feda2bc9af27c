"""Read-side queries shared by the public pages, the page section and the API."""

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from .models import LessonOffering, TimeSlot


def open_slots(now: dt.datetime | None = None) -> QuerySet[TimeSlot]:
    """Slots of active offerings that can still be booked (deadline or start in the future)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    return (
        TimeSlot.objects.filter(offering__active=True, date__gte=today)
        .filter(Q(booking_deadline__isnull=True) | Q(booking_deadline__gt=now))
        .order_by("date", "start", "pk")
    )


def bookable_offerings(techniekhuis_id: int | None = None) -> QuerySet[LessonOffering]:
    """Active offerings with their open slots and target groups prefetched (a fixed number of queries)."""
    offerings = LessonOffering.objects.filter(active=True).select_related("techniekhuis")
    if techniekhuis_id is not None:
        offerings = offerings.filter(techniekhuis_id=techniekhuis_id)
    return offerings.prefetch_related(
        "target_groups", Prefetch("slots", queryset=open_slots(), to_attr="open_slots")
    ).order_by("title", "pk")
