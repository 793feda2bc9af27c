"""Reach figures for the funders' dashboard: pupils and classes reached by tech lessons.

A booking counts as *reached* when the lesson was given: marked completed, or still confirmed
with its date in the past (coordinators don't always mark lessons as given). Each booking is
one class.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncQuarter
from django.utils import timezone

from .models import Booking

Dimension = Literal["school", "region", "offering", "quarter"]

_GROUPING = {
    "school": ("school_id", "school__name"),
    "region": ("school__region_id", "school__region__name"),
    "offering": ("slot__offering_id", "slot__offering__title"),
}


@dataclass(frozen=True)
class ReachRow:
    key: object
    label: str
    classes: int
    pupils: int


def reached_bookings(
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    region_id: int | None = None,
    techniekhuis_id: int | None = None,
    today: dt.date | None = None,
) -> QuerySet[Booking]:
    """Bookings whose lesson was given, with the lesson date in ``[start, end]``."""
    today = today or timezone.localdate()
    reached = Q(status=Booking.Status.COMPLETED) | Q(status=Booking.Status.CONFIRMED, slot__date__lt=today)
    bookings = Booking.objects.filter(reached)
    if start:
        bookings = bookings.filter(slot__date__gte=start)
    if end:
        bookings = bookings.filter(slot__date__lte=end)
    if region_id is not None:
        bookings = bookings.filter(school__region_id=region_id)
    if techniekhuis_id is not None:
        bookings = bookings.filter(slot__offering__techniekhuis_id=techniekhuis_id)
    return bookings


def reach_by(dimension: Dimension, **filters) -> list[ReachRow]:
    """Classes and pupils reached, grouped by school, region, offering or calendar quarter."""
    bookings = reached_bookings(**filters)
    if dimension == "quarter":
        rows = (
            bookings.annotate(quarter=TruncQuarter("slot__date"))
            .values("quarter")
            .annotate(classes=Count("pk"), pupils=Sum("pupils"))
            .order_by("quarter")
        )
        return [
            ReachRow(
                row["quarter"],
                f"{row['quarter'].year}-Q{(row['quarter'].month - 1) // 3 + 1}",
                row["classes"],
                row["pupils"],
            )
            for row in rows
        ]
    key, label = _GROUPING[dimension]
    rows = (
        bookings.values(key_=F(key), label_=F(label))
        .annotate(classes=Count("pk"), pupils=Sum("pupils"))
        .order_by("label_", "key_")
    )
    return [ReachRow(r["key_"], r["label_"] or "", r["classes"], r["pupils"]) for r in rows]


def reach_totals(**filters) -> dict[str, int]:
    """Totals over the same selection: classes, pupils and distinct schools reached."""
    totals = reached_bookings(**filters).aggregate(
        classes=Count("pk"), pupils=Sum("pupils"), schools=Count("school", distinct=True)
    )
    return {k: v or 0 for k, v in totals.items()}
