"""iCalendar feeds of events, built with the shared :mod:`cms.participation.ical` writer.

A region's feed holds the upcoming live, public events under that region's home page, one entry per
date of a series (a cancelled date stays in the feed as ``STATUS:CANCELLED``); calendar apps
subscribe to its URL. Times carry ``TZID=Europe/Amsterdam`` with a VTIMEZONE, so an event
at 19:00 stays at 19:00 on both sides of a daylight-saving change.
"""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from cms.pages.models import EventOccurrence, EventPage, HomePage
from cms.participation.ical import CalendarEvent, build_calendar


def _domain() -> str:
    return getattr(settings, "EVENTS_CALENDAR_UID_DOMAIN", "events.sterktechniekonderwijs")


def event_location(page: EventPage) -> str:
    """Where the event is: the place's name and full address; the meeting link when it has no place name."""
    location = page.location_line(page.location_name)
    if page.online_url and not page.location_name:
        location = ", ".join(part for part in (location, page.online_url) if part)
    return location


def calendar_event(
    page: EventPage,
    occurrence: EventOccurrence | None = None,
    *,
    status: str | None = None,
    uid_suffix: str = "",
    sequence: int | None = None,
) -> CalendarEvent:
    """One date of an event as a calendar entry (``occurrence`` None: the page's own start and end).

    The UID is stable so an update replaces the entry: ``event-<page>`` for a single-date event
    (as before series existed), ``event-<page>-date-<occurrence>`` for a date of a series. A
    cancelled date is ``STATUS:CANCELLED`` with the date's raised ``SEQUENCE``.
    """
    uid = f"event-{page.pk}"
    if occurrence is not None and page.is_series:
        uid += f"-date-{occurrence.pk}"
    if status is None:
        status = "CANCELLED" if occurrence is not None and occurrence.is_cancelled else "CONFIRMED"
    if sequence is None:
        sequence = occurrence.sequence if occurrence is not None else 0
    description = page.intro
    if occurrence is not None and occurrence.cancellation_reason:
        description = f"{occurrence.cancellation_reason}\n\n{description}"
    return CalendarEvent(
        uid=f"{uid}{uid_suffix}@{_domain()}",
        start=occurrence.start if occurrence is not None else page.start,
        end=occurrence.end if occurrence is not None else page.end,
        summary=page.title,
        description=description,
        location=event_location(page),
        url=page.full_url or "",
        status=status,
        sequence=sequence,
    )


def page_entries(page: EventPage) -> list[CalendarEvent]:
    """Every visible date of an event (cancelled ones as ``STATUS:CANCELLED``)."""
    return [calendar_event(page, occurrence) for occurrence in page.dates] or [calendar_event(page)]


def upcoming_events(home: HomePage, now: dt.datetime | None = None) -> QuerySet[EventPage]:
    """Live, public events under a region's home page with a date that has not ended yet."""
    now = now or timezone.now()
    later = EventOccurrence.objects.filter(end__gte=now).exclude(status=EventOccurrence.Status.SKIPPED)
    return (
        EventPage.objects.live()
        .public()
        .descendant_of(home)
        .filter(Q(end__gte=now) | Q(pk__in=later.values("page_id")))
        .prefetch_related("occurrences")
        .order_by("start", "pk")
    )


def feed(pages: Iterable[EventPage], *, name: str = "") -> bytes:
    return build_calendar([entry for page in pages for entry in page_entries(page)], name=name)


def region_feed(home: HomePage, now: dt.datetime | None = None) -> bytes:
    return feed(upcoming_events(home, now), name=home.title)


def event_feed(page: EventPage) -> bytes:
    return feed([page], name=page.title)
