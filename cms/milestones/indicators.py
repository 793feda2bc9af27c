"""The indicators a milestone can measure: one registry entry each.

An indicator is a function ``(region_id, start, end, filters) -> number | None`` that counts what
its label says in one region between two local dates (both included). ``None`` means "not observed
here" (e.g. the search app that logs downloads is not installed). Reach is defined once, in
:mod:`cms.dashboard.reach`, so a milestone's figure equals the dashboard's for the same region
and period.

The indicators over lessons, events, challenges, downloads and the newsletter are registered
below. Apps that are plugins (loans, professionalisation, evaluations) register their own: an
app ships an ``indicators.py`` module that calls :func:`register` at import, and
``MilestonesConfig.ready()`` imports that module of every installed app
(``django.utils.module_loading.autodiscover_modules("indicators")``, as the admin does with
``admin.py``). So milestones runs without those apps, and they never import milestones unless it
is installed (nothing else imports their ``indicators.py``). Adding an indicator is a small counting
function and one call, using :func:`cms.dashboard.reach.region_q` for the region rule::

    register("kits_lent", _("Kits lent"), kits_lent, filters=(SCHOOL_TYPE, TECHNIEKHUIZEN))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cms.dashboard import reach
from cms.newsletters.models import Subscriber
from cms.pages.models import EventPage

#: Filter names an indicator may accept (a milestone only offers the ones its indicator uses).
OFFERINGS = "offerings"
TECHNIEKHUIZEN = "techniekhuizen"
SCHOOL_TYPE = "school_type"


@dataclass(frozen=True)
class Filters:
    """Optional narrowing of an indicator; empty means "all"."""

    offering_ids: frozenset[int] = frozenset()
    techniekhuis_ids: frozenset[int] = frozenset()
    school_type: str = ""


Number = int | float | None
Counter = Callable[[int, dt.date, dt.date, Filters], Number]


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str | Promise
    count: Counter
    filters: tuple[str, ...] = field(default_factory=tuple)


REGISTRY: dict[str, Indicator] = {}


def register(key: str, label: str | Promise, count: Counter, *, filters: tuple[str, ...] = ()) -> Indicator:
    """Add (or replace) an indicator; the key is stored on milestones, so never rename one."""
    REGISTRY[key] = indicator = Indicator(key, label, count, filters)
    return indicator


def get(key: str) -> Indicator | None:
    return REGISTRY.get(key)


def choices() -> list[tuple[str, str]]:
    """For the milestone's indicator field (a callable, so indicators registered later appear)."""
    return [(key, indicator.label) for key, indicator in REGISTRY.items()]


def measure(key: str, region_id: int, start: dt.date, end: dt.date, filters: Filters | None = None) -> Number:
    """The figure of indicator ``key``; ``None`` for an unknown key or an unobserved figure."""
    indicator = REGISTRY.get(key)
    if indicator is None:
        return None
    return indicator.count(region_id, start, end, filters or Filters())


# --- lessons (bookings) -------------------------------------------------------------------------


def lessons(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> QuerySet:
    """Given lessons (one class each) in the region with their date in [start, end]."""
    today = min(end + dt.timedelta(days=1), timezone.localdate())
    rows = reach.booked_lessons(today).filter(
        reach.region_q(region_id, "slot__offering__techniekhuis", "school__region_id"),
        slot__date__range=(start, end),
    )
    if filters.offering_ids:
        rows = rows.filter(slot__offering_id__in=filters.offering_ids)
    if filters.techniekhuis_ids:
        rows = rows.filter(slot__offering__techniekhuis_id__in=filters.techniekhuis_ids)
    if filters.school_type:
        rows = rows.filter(school__school_type=filters.school_type)
    return rows


def classes_reached(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    return lessons(region_id, start, end, filters).count()


def pupils_reached(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    # The pupils who actually took part when the coordinator counted them, else as booked (as the dashboard).
    pupils = Coalesce("actual_pupils", "pupils")
    return lessons(region_id, start, end, filters).aggregate(n=Sum(pupils))["n"] or 0


def schools_reached(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    return lessons(region_id, start, end, filters).aggregate(n=Count("school", distinct=True))["n"]


# --- events and challenges ----------------------------------------------------------------------


def _local_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


def events_held(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    """Published events on the region's site that started in the period (and have started)."""
    low, high = _local_range(start, end)
    return (
        EventPage.objects.live()
        .filter(
            reach.region_q(region_id, "page_ptr"), start__gte=low, start__lt=high, start__lte=timezone.now()
        )
        .count()
    )


def event_registrations(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    """Confirmed registrations for the region's events that start in the period."""
    low, high = _local_range(start, end)
    return (
        reach.event_registrations()
        .filter(reach.region_q(region_id, "event"), event__start__gte=low, event__start__lt=high)
        .count()
    )


def event_attendees(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    """Registrations checked in (:func:`cms.dashboard.reach.attended_registrations`) at a date of the
    region's events in the period: each once, however many of its dates fell in the period."""
    low, high = _local_range(start, end)
    return (
        reach.attended_registrations()
        .filter(
            reach.region_q(region_id, "event"),
            attendances__occurrence__start__gte=low,
            attendances__occurrence__start__lt=high,
        )
        .distinct()
        .count()
    )


def _teams(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> QuerySet:
    low, high = _local_range(start, end)
    rows = reach.challenge_teams().filter(
        reach.region_q(region_id, "challenge"), created_at__gte=low, created_at__lt=high
    )
    if filters.school_type:
        rows = rows.filter(school__school_type=filters.school_type)
    return rows


def challenge_teams(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    return _teams(region_id, start, end, filters).count()


def challenge_pupils(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    return _teams(region_id, start, end, filters).aggregate(n=Sum("pupils"))["n"] or 0


# --- databank and newsletter --------------------------------------------------------------------


def kit_downloads(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int | None:
    """Downloads of the region's kits (region of origin, else the site the kit lives on)."""
    if (log := reach.download_log()) is None:
        return None
    low, high = _local_range(start, end)
    in_region = Q(page__region_id=region_id) | (
        Q(page__region__isnull=True) & reach.region_q(region_id, "page")
    )
    return log.objects.filter(in_region, created_at__gte=low, created_at__lt=high).count()


def newsletter_subscribers(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    """Active subscribers of the region who signed up by the end of the period (a stock, not a flow)."""
    _low, high = _local_range(start, end)
    return Subscriber.objects.filter(
        region_id=region_id, status=Subscriber.Status.ACTIVE, created_at__lt=high
    ).count()


BOOKING_FILTERS = (OFFERINGS, TECHNIEKHUIZEN, SCHOOL_TYPE)

register("classes_reached", _("Classes reached by lessons"), classes_reached, filters=BOOKING_FILTERS)
register("pupils_reached", _("Pupils reached by lessons"), pupils_reached, filters=BOOKING_FILTERS)
register("schools_reached", _("Schools reached by lessons"), schools_reached, filters=BOOKING_FILTERS)
register("events_held", _("Events held"), events_held)
register("event_registrations", _("Event registrations"), event_registrations)
register("event_attendees", _("Event attendees (checked in)"), event_attendees)
register("challenge_teams", _("Challenge teams"), challenge_teams, filters=(SCHOOL_TYPE,))
register("challenge_pupils", _("Pupils in challenge teams"), challenge_pupils, filters=(SCHOOL_TYPE,))
register("kit_downloads", _("Kit downloads"), kit_downloads)
register("newsletter_subscribers", _("Newsletter subscribers"), newsletter_subscribers)
