"""Lent kits: what :mod:`cms.loans.reporting` counts (the kit went to the school), with the pupils
reached as reported on return; the period is the pick-up day, the region that of the pick-up point's
techniekhuis, else the school's: the rule the milestones' ``kits_lent`` indicator uses too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import Count, Sum

from cms.loans.reporting import FALLBACK_REGION_FIELD, TECHNIEKHUIS_FIELD, lent_reservations

from ..registry import Row, Source, register
from ..services import RegionResolver, period_of


def rows(granularity: str, bounds: tuple[dt.date, dt.date] | None) -> Iterator[Row]:
    loans = lent_reservations()
    if bounds:
        loans = loans.filter(pickup_date__range=bounds)
    grouped = (
        loans.values_list(f"{TECHNIEKHUIS_FIELD}__path", FALLBACK_REGION_FIELD, "pickup_date")
        .annotate(loans=Count("pk"), pupils=Sum("pupils_reached"))
        .order_by()
    )
    resolver = RegionResolver()
    for techniekhuis_path, school_region_id, day, count, pupils in grouped:
        region_id = resolver.region_for(techniekhuis_path) or school_region_id
        yield region_id, period_of(day, granularity), {"kits_lent": count, "kit_pupils": pupils or 0}


register(Source("loans", rows))
