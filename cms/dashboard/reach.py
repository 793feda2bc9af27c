"""What counts as reach, in one place: the dashboard groups these rows, the milestones count them.

Each function returns the rows that count (a queryset); :func:`region_q` narrows any of them to
one region with the dashboard's region rule (the site a page lives on, else a fallback field such
as the school's region), so the figure on a milestone and the figure on the dashboard are the same
count over the same rows.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db.models import Model, Q, QuerySet

from cms.bookings.models import Booking
from cms.bookings.reporting import reached_bookings
from cms.events.models import ChallengeTeam, EventRegistration
from cms.pages.models import HomePage


def booked_lessons(today: dt.date | None = None) -> QuerySet[Booking]:
    """Bookings whose lesson was given: one class each (see :mod:`cms.bookings.reporting`)."""
    return reached_bookings(today)


def event_registrations() -> QuerySet[EventRegistration]:
    """Confirmed registrations (waiting list and cancelled ones do not count)."""
    return EventRegistration.objects.filter(status=EventRegistration.Status.CONFIRMED)


def attended_registrations() -> QuerySet[EventRegistration]:
    """Registrations checked in at the door (status ``attended``; no-shows and cancelled ones do not
    count). A series registration stays attended once it was checked in at one of its dates."""
    return EventRegistration.objects.filter(status=EventRegistration.Status.ATTENDED)


def challenge_teams() -> QuerySet[ChallengeTeam]:
    """Teams that were not cancelled."""
    return ChallengeTeam.objects.exclude(status=ChallengeTeam.Status.CANCELLED)


def download_log() -> type[Model] | None:
    """The search app's ``KitDownload`` model, or ``None`` when that app is not installed."""
    if not apps.is_installed("search"):
        return None
    try:
        return apps.get_model("search", "KitDownload")
    except LookupError:
        return None


def region_home_paths() -> dict[int, list[str]]:
    """Region id -> tree paths of the home pages of its sites."""
    paths: dict[int, list[str]] = {}
    for path, region_id in HomePage.objects.filter(region__isnull=False).values_list("path", "region_id"):
        paths.setdefault(region_id, []).append(path)
    return paths


def _under(paths: list[str], page_field: str) -> Q:
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{page_field}__path__startswith": path})
    return q


def region_q(region_id: int, page_field: str, fallback_field: str | None = None) -> Q:
    """Rows of ``region_id``: the page in ``page_field`` lives on the region's site; rows whose page
    lives on no region's site (or have none) count for the region in ``fallback_field``.
    """
    homes = region_home_paths()
    q = _under(homes.get(region_id, []), page_field)
    if fallback_field:
        every_home = [path for paths in homes.values() for path in paths]
        q |= ~_under(every_home, page_field) & Q(**{fallback_field: region_id})
        q |= Q(**{f"{page_field}__isnull": True, fallback_field: region_id})
    return q
