"""Professionalisation: certificates issued for attended masterclasses, trainings, internships and
company visits (:func:`cms.professionalisation.services.certificates_in`), each one attended
activity with its hours; the period is the date attended, the region that of the site the event is
published on (as event registrations on the dashboard).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import Count, Sum

from cms.professionalisation.services import certificates_in

from ..registry import Row, Source, register
from ..services import RegionResolver, period_of


def rows(granularity: str, bounds: tuple[dt.date, dt.date] | None) -> Iterator[Row]:
    resolver = RegionResolver()
    certificates = certificates_in(*bounds) if bounds else certificates_in()
    grouped = (
        certificates.values_list("attendance__registration__event__path", "date")
        .annotate(activities=Count("pk"), hours=Sum("hours"))
        .order_by()
    )
    for path, day, activities, hours in grouped:
        yield (
            resolver.region_for(path),
            period_of(day, granularity),
            {"professionalisation_activities": activities, "professionalisation_hours": hours},
        )


register(Source("professionalisation", rows))
