"""Read-side queries shared by the public pages, the page section and the API."""

import datetime as dt
import re

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from cms.snippets.models import School
from cms.snippets.validators import normalize_brin

from .models import LessonOffering, TimeSlot

BRIN_RE = re.compile(r"^[0-9]{2}[A-Z]{2}([0-9]{2})?$")


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


def bookable_schools() -> QuerySet[School]:
    """Schools that can book lessons: primary and special primary schools."""
    return School.objects.filter(school_type__in=[School.SchoolType.PO, School.SchoolType.SBO])


def exact_school_match(query: str, matches: list[School]) -> School | None:
    """The one school that is exactly what was typed (its whole BRIN code or name), else None.

    A partial match ("De Regenboog" for "CBS De Regenboog Noord") is never taken silently:
    the teacher confirms it from the list.
    """
    query = " ".join(query.split())
    exact = [
        school
        for school in matches
        if school.brin_code == normalize_brin(query) or school.name.casefold() == query.casefold()
    ]
    return exact[0] if len(exact) == 1 else None


def find_schools(query: str, *, limit: int = 10) -> list[School]:
    """Known schools for what a teacher typed: a BRIN code (exact, or its 4-character main code)
    or a name (an exact name first, else names containing it). At most ``limit + 1`` results, so
    callers can tell "too many" from "exactly ``limit``".
    """
    query = " ".join(query.split())
    if not query:
        return []
    schools = bookable_schools().order_by("name", "brin_code")
    brin = normalize_brin(query)
    if BRIN_RE.match(brin):
        if found := list(schools.filter(brin_code=brin)[: limit + 1]):
            return found
        if len(brin) == 4:
            return list(schools.filter(brin_code__startswith=brin)[: limit + 1])
        return []
    if exact := list(schools.filter(name__iexact=query)[: limit + 1]):
        return exact
    return list(schools.filter(name__icontains=query)[: limit + 1])
