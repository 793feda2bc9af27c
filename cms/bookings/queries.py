"""Read-side queries shared by the public pages, the page section and the API."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from cms.pages.filters import in_region
from cms.pages.models import TechniekhuisPage
from cms.snippets.models import School, TargetGroup, Theme

from .models import LessonOffering, TimeSlot
from .services import GROUPS, term_groups


def open_slots(now: dt.datetime | None = None) -> QuerySet[TimeSlot]:
    """Slots of active offerings that can still be booked (deadline or start in the future)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    return (
        TimeSlot.objects.filter(offering__active=True, date__gte=today)
        .filter(Q(booking_deadline__isnull=True) | Q(booking_deadline__gt=now))
        .order_by("date", "start", "pk")
    )


@dataclass(frozen=True)
class OfferingFilters:
    """What bookable lessons are filtered by (``None``: no filter); the page and the API build one.

    ``group`` is a class's group (3-8) as :func:`~cms.bookings.services.offering_groups` reads it,
    ``theme`` and ``region`` are slugs, and a period (``date_from``/``date_to``, both included)
    keeps the lessons with an open slot in it and shows only those slots.
    """

    techniekhuis: int | None = None
    group: int | None = None
    theme: str | None = None
    region: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def open_slots_between(
    date_from: dt.date | None = None, date_to: dt.date | None = None, now: dt.datetime | None = None
) -> QuerySet[TimeSlot]:
    slots = open_slots(now)
    if date_from:
        slots = slots.filter(date__gte=date_from)
    if date_to:
        slots = slots.filter(date__lte=date_to)
    return slots


def _for_group(offerings: QuerySet[LessonOffering], group: int) -> QuerySet[LessonOffering]:
    """Offerings a class of ``group`` may book: the same rule as ``offering_groups``/``check_group``
    (a lesson that names no bookable group is open to all), as one filter on the database."""
    if group not in GROUPS:
        return offerings.none()
    naming = {
        term.pk: groups
        for term in TargetGroup.objects.filter(level=TargetGroup.Level.PO).only("name", "slug", "level")
        if (groups := term_groups(term))
    }
    links = LessonOffering.target_groups.through.objects
    fitting = links.filter(targetgroup_id__in=[pk for pk, groups in naming.items() if group in groups])
    naming_any = links.filter(targetgroup_id__in=list(naming))
    return offerings.filter(
        Q(pk__in=fitting.values("lessonoffering_id")) | ~Q(pk__in=naming_any.values("lessonoffering_id"))
    )


def bookable_offerings(
    filters: OfferingFilters | None = None, *, now: dt.datetime | None = None
) -> QuerySet[LessonOffering]:
    """Active offerings, soonest open slot first, with their open slots (``open_slots``), target
    groups and themes prefetched: a fixed number of queries however many lessons there are."""
    filters = filters or OfferingFilters()
    slots = open_slots_between(filters.date_from, filters.date_to, now)
    offerings = LessonOffering.objects.filter(active=True).select_related("techniekhuis")
    if filters.techniekhuis is not None:
        offerings = offerings.filter(techniekhuis_id=filters.techniekhuis)
    if filters.region:
        houses = in_region(TechniekhuisPage.objects.all(), filters.region)
        offerings = offerings.filter(techniekhuis__in=houses.values("pk"))
    if filters.theme:
        links = LessonOffering.themes.through.objects.filter(theme__slug=filters.theme)
        offerings = offerings.filter(pk__in=links.values("lessonoffering_id"))
    if filters.group is not None:
        offerings = _for_group(offerings, filters.group)
    if filters.date_from or filters.date_to:
        offerings = offerings.filter(Exists(slots.filter(offering=OuterRef("pk"))))
    return (
        offerings.annotate(next_slot_date=Subquery(slots.filter(offering=OuterRef("pk")).values("date")[:1]))
        .prefetch_related("target_groups", "themes", Prefetch("slots", queryset=slots, to_attr="open_slots"))
        .order_by(F("next_slot_date").asc(nulls_last=True), "title", "pk")
    )


@dataclass(frozen=True)
class FilterOptions:
    """What the filters of the booking page offer: only values that have bookable lessons."""

    techniekhuizen: list[TechniekhuisPage]
    themes: list[Theme]
    months: list[dt.date]


def offering_filter_options(region: str | None = None, now: dt.datetime | None = None) -> FilterOptions:
    """Techniekhuizen and themes of the active offerings (in ``region``), months with open slots (3 queries)."""
    offerings = bookable_offerings(OfferingFilters(region=region)).values("pk")
    houses = TechniekhuisPage.objects.filter(pk__in=offerings.values("techniekhuis_id"))
    themes = Theme.objects.filter(
        pk__in=LessonOffering.themes.through.objects.filter(lessonoffering_id__in=offerings).values(
            "theme_id"
        )
    )
    months = open_slots(now).filter(offering__in=offerings).dates("date", "month")
    return FilterOptions(
        techniekhuizen=list(houses.live().public().only("pk", "title").order_by("title")),
        themes=list(themes.order_by("name")),
        months=list(months),
    )


def bookable_schools() -> QuerySet[School]:
    """Schools that can book lessons: primary and special primary schools."""
    return School.objects.filter(school_type__in=[School.SchoolType.PO, School.SchoolType.SBO])
