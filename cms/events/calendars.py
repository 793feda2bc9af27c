"""iCalendar feeds of events, built with the shared :mod:`cms.participation.ical` writer.

A region's feed holds the upcoming live, public events under that region's home page; calendar
apps subscribe to its URL. Times carry ``TZID=Europe/Amsterdam`` with a VTIMEZONE, so an event
at 19:00 stays at 19:00 on both sides of a daylight-saving change.
"""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from cms.pages.models import EventPage, HomePage
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
    page: EventPage, *, status: str = "CONFIRMED", uid_suffix: str = "", sequence: int = 0
) -> CalendarEvent:
    """One event page as a calendar entry; the UID is stable so updates replace the entry."""
    return CalendarEvent(
        uid=f"event-{page.pk}{uid_suffix}@{_domain()}",
        start=page.start,
        end=page.end,
        summary=page.title,
        description=page.intro,
        location=event_location(page),
        url=page.full_url or "",
        status=status,
        sequence=sequence,
    )


def upcoming_events(home: HomePage, now: dt.datetime | None = None) -> QuerySet[EventPage]:
    """Live, public events under a region's home page that have not ended yet."""
    now = now or timezone.now()
    return EventPage.objects.live().public().descendant_of(home).filter(end__gte=now).order_by("start", "pk")


def feed(pages: Iterable[EventPage], *, name: str = "") -> bytes:
    return build_calendar([calendar_event(p) for p in pages], name=name)


def region_feed(home: HomePage, now: dt.datetime | None = None) -> bytes:
    return feed(upcoming_events(home, now), name=home.title)


def event_feed(page: EventPage) -> bytes:
    return feed([page], name=page.title)
