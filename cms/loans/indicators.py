"""The loans' indicators for the funders' milestones.

Imported only by ``cms.milestones`` (its ``ready()`` autodiscovers ``<app>.indicators``), so loans
works without milestones. What counts is :func:`cms.loans.reporting.lent_reservations`; the region
is the dashboard's rule (:func:`cms.dashboard.reach.region_q`): the site the pick-up point's
techniekhuis lives on, else the school's region, as for lessons.
"""

import datetime as dt

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from cms.dashboard import reach
from cms.milestones.indicators import SCHOOL_TYPE, TECHNIEKHUIZEN, Filters, register

from .models import Reservation
from .reporting import lent_reservations


def loans(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> QuerySet[Reservation]:
    """Loans of the region picked up with their pick-up day in [start, end]."""
    rows = lent_reservations().filter(
        reach.region_q(region_id, "copy__pickup_point__techniekhuis", "school__region_id"),
        pickup_date__range=(start, end),
    )
    if filters.techniekhuis_ids:
        rows = rows.filter(copy__pickup_point__techniekhuis_id__in=filters.techniekhuis_ids)
    if filters.school_type:
        rows = rows.filter(school__school_type=filters.school_type)
    return rows


def kits_lent(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    return loans(region_id, start, end, filters).count()


def schools_lent_kits(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    """Schools that picked up at least one kit in the period (each once)."""
    return loans(region_id, start, end, filters).aggregate(n=Count("school", distinct=True))["n"]


def kit_loan_pupils(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    # Known once the kit is back: loans not yet returned (or returned without a number) add nothing.
    return loans(region_id, start, end, filters).aggregate(n=Sum("pupils_reached"))["n"] or 0


LOAN_FILTERS = (TECHNIEKHUIZEN, SCHOOL_TYPE)

register("kits_lent", _("Kits lent"), kits_lent, filters=LOAN_FILTERS)
register("schools_lent_kits", _("Schools that borrowed kits"), schools_lent_kits, filters=LOAN_FILTERS)
register("kit_loan_pupils", _("Pupils reached by lent kits"), kit_loan_pupils, filters=LOAN_FILTERS)
