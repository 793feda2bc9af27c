"""The loans' indicators for the funders' milestones, and the kits lent as a source of a school's coverage.

Imported only by ``cms.milestones`` (its ``ready()`` autodiscovers ``<app>.indicators``), so loans
works without milestones. What counts is :func:`cms.loans.reporting.lent_reservations`; the region
is the dashboard's rule (:func:`cms.dashboard.reach.region_q`): the site the pick-up point's
techniekhuis lives on, else the school's region, as for lessons.
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from cms.dashboard import reach
from cms.milestones import coverage
from cms.milestones.indicators import SCHOOL_TYPE, TECHNIEKHUIZEN, Filters, register
from cms.pages.models import LessonKitPage

from .models import LendableItem, Reservation
from .reporting import FALLBACK_REGION_FIELD, TECHNIEKHUIS_FIELD, lent_reservations


def loans(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> QuerySet[Reservation]:
    """Loans of the region picked up with their pick-up day in [start, end]."""
    rows = lent_reservations().filter(
        reach.region_q(region_id, TECHNIEKHUIS_FIELD, FALLBACK_REGION_FIELD),
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


def lent_kits(school_ids: Iterable[int], today: dt.date) -> Iterable[coverage.Activity]:
    """(school, pick-up day, no group, worlds, core goals) of every kit the schools picked up: what its
    lesson kit page and the lendable item itself (a stand-alone tool set) address."""
    kit_worlds = coverage.terms_of(LessonKitPage.tech_worlds, "lessonkitpage_id", "techworld_id")
    kit_goals = coverage.terms_of(LessonKitPage.core_goals, "lessonkitpage_id", "coregoal_id")
    item_worlds = coverage.terms_of(LendableItem.tech_worlds, "lendableitem_id", "techworld_id")
    item_goals = coverage.terms_of(LendableItem.core_goals, "lendableitem_id", "coregoal_id")
    empty = frozenset()
    rows = lent_reservations().filter(school_id__in=list(school_ids), pickup_date__lte=today)
    for school_id, day, item_id, kit_id in rows.values_list(
        "school_id", "pickup_date", "item_id", "item__lesson_kit_id"
    ).iterator():
        worlds = item_worlds.get(item_id, empty) | kit_worlds.get(kit_id, empty)
        goals = item_goals.get(item_id, empty) | kit_goals.get(kit_id, empty)
        yield school_id, day, None, worlds, goals


coverage.register_source(lent_kits)
