"""Lent kits: loans the loans app counts (the kit went to the school), with the pupils reached as
reported on return; the period is the pick-up day, the region the school's (as
:func:`cms.loans.services.loan_figures`, which gives the same counts per school, kit and quarter).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import Count, Sum

from cms.loans.models import Reservation
from cms.loans.services import COUNTED

from ..registry import Row, Source, register
from ..services import period_of


def rows(granularity: str, bounds: tuple[dt.date, dt.date] | None) -> Iterator[Row]:
    loans = Reservation.objects.filter(status__in=COUNTED)
    if bounds:
        loans = loans.filter(pickup_date__range=bounds)
    grouped = (
        loans.values_list("school__region_id", "pickup_date")
        .annotate(loans=Count("pk"), pupils=Sum("pupils_reached"))
        .order_by()
    )
    for region_id, day, count, pupils in grouped:
        yield region_id, period_of(day, granularity), {"kits_lent": count, "kit_pupils": pupils or 0}


register(Source("loans", rows))
