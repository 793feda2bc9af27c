"""Build iCalendar files (RFC 5545) for anything with a start and an end.

Times are written with ``TZID=Europe/Amsterdam`` (or the project's time zone) and a matching
VTIMEZONE, so calendar apps keep the local time right across daylight-saving changes.
Used by lesson bookings (a mail attachment per booking) and events (attachments and region feeds).
"""

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar
from django.conf import settings
from django.utils import timezone

PRODID = "-//Sterk Techniekonderwijs//participation//NL"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: dt.datetime
    end: dt.datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    status: str = "CONFIRMED"  # CONFIRMED, TENTATIVE or CANCELLED
    sequence: int = 0


def _local(value: dt.datetime, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    if timezone.is_naive(value):
        return value.replace(tzinfo=tz)
    return value.astimezone(tz)


def build_calendar(events: Iterable[CalendarEvent], *, method: str = "PUBLISH", name: str = "") -> bytes:
    """Return a VCALENDAR with one VEVENT per event, times in the site's time zone."""
    tz = zoneinfo.ZoneInfo(getattr(settings, "TIME_ZONE", None) or "Europe/Amsterdam")
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(dt.UTC)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", _local(item.start, tz))
        event.add("dtend", _local(item.end, tz))
        event.add("summary", item.summary)
        event.add("status", item.status)
        event.add("sequence", item.sequence)
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
