"""Reach figures for funders, per region and per quarter or school year.

What counts (kept simple so a project leader can check each figure by hand):

* **classes / pupils / schools reached**: the bookings :func:`cms.bookings.reporting.reached_bookings`
  counts as reached (completed, or confirmed with the lesson date past); one booking is one
  class; the period is the lesson date; the region is the region of the site
  the techniekhuis page lives on, else the school's region. Schools are counted distinctly (a
  total is a union, never a sum of the rows).
* **event registrations**: confirmed registrations, in the period of the event's start, in the
  region of the site the event page lives on.
* **challenge teams / pupils**: teams that are not cancelled, in the period they registered, in
  the region of the challenge page's site.
* **kit downloads**: the search app's download log (``search.KitDownload``, one row per file or ZIP
  download), in the period of the download's local date; the region is the kit's "region of
  origin", else the region of the site it lives on (no region for a deleted kit). Without the
  search app the figure is ``None``.

All dates are local (``TIME_ZONE``) dates. School years start on 1 August.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from cms.bookings.models import Booking, LessonOffering, TimeSlot
from cms.events.models import ChallengeTeam, EventRegistration
from cms.pages.models import EventPage
from cms.snippets.models import Region, School

from . import reach, registry
from .sql import QUARTER, SCHOOL_YEAR, PeriodKey, period_label

NO_REGION = 0


def school_year_start(day: dt.date) -> int:
    """2026-09-01 is in school year 2026-2027, 2026-07-31 in 2025-2026."""
    return day.year if day.month >= 8 else day.year - 1


def school_year_label(start_year: int) -> str:
    return f"{start_year}-{start_year + 1}"


def period_of(day: dt.date, granularity: str) -> str:
    if granularity == SCHOOL_YEAR:
        return school_year_label(school_year_start(day))
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def school_year_bounds(start_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a school year."""
    return dt.date(start_year, 8, 1), dt.date(start_year + 1, 7, 31)


#: The :class:`Figures` fields that optional apps' sources add to.
SOURCE_FIELDS = (
    "kits_lent",
    "kit_pupils",
    "professionalisation_activities",
    "professionalisation_hours",
    "evaluation_responses",
    "evaluation_ratings",
    "evaluation_rating_sum",
)


@dataclass
class Figures:
    """The reach in one region and period (or a total)."""

    region_id: int
    region: str
    period: str
    classes: int = 0
    pupils: int = 0
    school_ids: set[int] = field(default_factory=set)
    event_registrations: int = 0
    event_ids: set[int] = field(default_factory=set)
    challenge_teams: int = 0
    challenge_pupils: int = 0
    kit_downloads: int = 0
    # From optional apps (see :mod:`cms.dashboard.registry`); shown only when the app is installed.
    kits_lent: int = 0
    kit_pupils: int = 0
    professionalisation_activities: int = 0
    professionalisation_hours: Decimal = Decimal(0)
    evaluation_responses: int = 0
    evaluation_ratings: int = 0
    evaluation_rating_sum: float = 0.0

    @property
    def schools(self) -> int:
        return len(self.school_ids)

    @property
    def evaluation_average(self) -> float | None:
        """The average of all 1-5 ratings in the cell (``None`` without ratings)."""
        return self.evaluation_rating_sum / self.evaluation_ratings if self.evaluation_ratings else None

    @property
    def events(self) -> int:
        return len(self.event_ids)

    def add(self, other: Figures) -> None:
        self.classes += other.classes
        self.pupils += other.pupils
        self.school_ids |= other.school_ids
        self.event_registrations += other.event_registrations
        self.event_ids |= other.event_ids
        self.challenge_teams += other.challenge_teams
        self.challenge_pupils += other.challenge_pupils
        self.kit_downloads += other.kit_downloads
        for name in SOURCE_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Dashboard:
    granularity: str
    rows: list[Figures]
    total: Figures
    downloads: dict[int, int] | None  # region id -> kit downloads in the selected periods
    regions: dict[int, str]
    sources: frozenset[str] = frozenset()  # the optional apps whose figures are in (registry names)


class RegionResolver:
    """Maps a page's tree path to the region of the home page above it (one query)."""

    def __init__(self) -> None:
        self.by_path: dict[str, int] = {
            path: region_id for region_id, paths in reach.region_home_paths().items() for path in paths
        }
        self.lengths = sorted({len(p) for p in self.by_path}, reverse=True)

    def region_for(self, path: str | None) -> int | None:
        if not path:
            return None
        for length in self.lengths:
            if (region_id := self.by_path.get(path[:length])) is not None:
                return region_id
        return None


def _local_date(value: dt.datetime) -> dt.date:
    return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()


def compute(
    *,
    granularity: str = QUARTER,
    region_id: int | None = None,
    school_year: int | None = None,
) -> Dashboard:
    """All figures, grouped by region and period; optionally for one region and/or school year."""
    regions = dict(Region.objects.values_list("pk", "name"))
    regions_with_none = {**regions, NO_REGION: "—"}
    resolver = RegionResolver()
    bounds = school_year_bounds(school_year) if school_year is not None else None
    cells: dict[tuple[int, str], Figures] = {}

    def in_period(day: dt.date) -> bool:
        return not bounds or bounds[0] <= day <= bounds[1]

    def cell(region: int | None, period: str) -> Figures | None:
        region = region or NO_REGION
        if region_id is not None and region != region_id:
            return None
        key = (region, period)
        if key not in cells:
            cells[key] = Figures(region, regions_with_none.get(region, "—"), period)
        return cells[key]

    offering_regions = _offering_regions(resolver)
    booking_groups = list(_booking_groups(granularity, bounds))
    # The school's region counts only for offerings on no region's site: look up just those schools.
    fallback = {
        school_id for offering_id, school_id, *_ in booking_groups if offering_id not in offering_regions
    }
    school_regions = (
        dict(School.objects.filter(pk__in=fallback).values_list("pk", "region_id")) if fallback else {}
    )
    for offering_id, school_id, period, classes, pupils in booking_groups:
        if target := cell(offering_regions.get(offering_id) or school_regions.get(school_id), period):
            target.classes += classes
            target.pupils += pupils
            target.school_ids.add(school_id)

    for event_id, path, start, registrations in _event_registrations():
        day = _local_date(start)
        if in_period(day) and (target := cell(resolver.region_for(path), period_of(day, granularity))):
            target.event_registrations += registrations
            target.event_ids.add(event_id)

    for path, created_at, pupils in _challenge_teams():
        day = _local_date(created_at)
        if in_period(day) and (target := cell(resolver.region_for(path), period_of(day, granularity))):
            target.challenge_teams += 1
            target.challenge_pupils += pupils

    download_rows = kit_downloads(resolver)
    downloads: dict[int, int] | None = None
    if download_rows is not None:
        downloads = defaultdict(int)
        for region, day, count in download_rows:
            if in_period(day) and (target := cell(region, period_of(day, granularity))):
                target.kit_downloads += count
                downloads[target.region_id] += count
        downloads = dict(downloads)
        if region_id is not None:
            downloads = {region_id: downloads.get(region_id, 0)}

    sources = registry.sources()
    for source in sources:
        for region, period, amounts in source.rows(granularity, bounds):
            if target := cell(region, period):
                for name, amount in amounts.items():
                    setattr(target, name, getattr(target, name) + amount)

    rows = sorted(cells.values(), key=lambda f: (f.region, f.period))
    total = Figures(region_id or NO_REGION, "", "")
    for row in rows:
        total.add(row)
    names = frozenset(source.name for source in sources)
    return Dashboard(granularity, rows, total, downloads, regions_with_none, names)


def _offering_regions(resolver: RegionResolver) -> dict[int, int]:
    """Lesson offering id -> the region of the site its techniekhuis lives on (offerings without a
    techniekhuis, or whose techniekhuis is on no region's site, are left out: the school's region counts)."""
    found = {}
    for pk, path in LessonOffering.objects.filter(techniekhuis__isnull=False).values_list(
        "pk", "techniekhuis__path"
    ):
        if (region := resolver.region_for(path)) is not None:
            found[pk] = region
    return found


def _booking_groups(
    granularity: str, bounds: tuple[dt.date, dt.date] | None
) -> Iterable[tuple[int, int, str, int, int]]:
    """Reached bookings summed in the database per lesson offering, school and period:
    (offering id, school id, period label, classes, pupils).

    Never the bookings themselves (100,000 of them took seconds to read into Python), and no join
    beyond the time slot: regions are looked up in Python from the few offerings and schools.
    """
    bookings = reach.booked_lessons()
    if bounds:
        bookings = bookings.filter(slot__date__range=bounds)
    rows = (
        bookings.annotate(period=PeriodKey("slot__date", granularity))
        .values_list("slot__offering_id", "school_id", "period")
        .annotate(
            classes=Count("pk"),
            # The pupils who actually took part when the coordinator counted them, else as booked.
            pupils=Sum(Coalesce("actual_pupils", "pupils")),
        )
        .order_by()
    )
    labels: dict[int, str] = {}
    for offering_id, school_id, key, classes, pupils in rows:
        if key not in labels:
            labels[key] = period_label(key, granularity)
        yield offering_id, school_id, labels[key], classes, pupils or 0


def _event_registrations() -> Iterable[tuple[int, str, dt.datetime, int]]:
    """(event id, event page path, event start, confirmed registrations): one row per event."""
    return (
        reach.event_registrations()
        .values_list("event_id", "event__path", "event__start")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _challenge_teams() -> Iterable[tuple[str, dt.datetime, int]]:

    return reach.challenge_teams().values_list("challenge__path", "created_at", "pupils").iterator()


def kit_downloads(resolver: RegionResolver | None = None) -> list[tuple[int, dt.date, int]] | None:
    """Kit downloads as (region id, local date, count): grouped per kit and day in the database.

    The region is the kit's region of origin, else the site it lives on, else ``NO_REGION``.
    ``None`` when the search app (which logs downloads) is not installed.
    """
    if (log := reach.download_log()) is None:
        return None
    resolver = resolver or RegionResolver()
    rows = (
        log.objects.annotate(day=TruncDate("created_at"))  # in the current (local) time zone
        .values("page__region_id", "page__path", "day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        (row["page__region_id"] or resolver.region_for(row["page__path"]) or NO_REGION, row["day"], row["n"])
        for row in rows
    ]


def school_years_with_data() -> list[int]:
    """School years (start year) with bookings, events, teams or kit downloads, newest first.

    Dates are truncated in the local time zone, so a download just after midnight on 1 August
    falls in the new school year. The current school year is always offered.
    """

    # Per slot and per event, not per booking or registration: far fewer rows, the same years.
    booked = TimeSlot.objects.filter(Exists(Booking.objects.filter(slot=OuterRef("pk"))))
    years = set(
        booked.annotate(year=PeriodKey("date", SCHOOL_YEAR)).values_list("year", flat=True).distinct()
    )
    registered = EventPage.objects.filter(Exists(EventRegistration.objects.filter(event=OuterRef("pk"))))
    years |= {school_year_start(d) for d in registered.dates("start", "month")}
    years |= {school_year_start(d) for d in ChallengeTeam.objects.dates("created_at", "month")}
    if (log := reach.download_log()) is not None:
        years |= {school_year_start(d) for d in log.objects.dates("created_at", "month")}
    years.add(school_year_start(timezone.localdate()))
    return sorted(years, reverse=True)
