"""iCal feeds: parse with icalendar, Europe/Amsterdam times across daylight-saving changes."""

import datetime as dt
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventPageFactory, RegionSite

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def next_date(month: int, day: int) -> dt.date:
    today = timezone.localdate()
    candidate = dt.date(today.year, month, day)
    return candidate if candidate > today + dt.timedelta(days=1) else dt.date(today.year + 1, month, day)


def local(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=AMS)


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_event_feed_keeps_local_time_in_summer_and_winter(client, region_site):
    summer = local(next_date(7, 1), 19)
    winter = local(next_date(1, 15), 19)
    pages = [
        EventPageFactory(parent=region_site.events, start=start, end=start + dt.timedelta(hours=2))
        for start in (summer, winter)
    ]

    for page, offset in zip(pages, (dt.timedelta(hours=2), dt.timedelta(hours=1)), strict=True):
        calendar = parse(client.get(reverse("events:event_calendar", args=[page.pk])))
        (vevent,) = calendar.walk("VEVENT")
        start = vevent.decoded("dtstart")
        assert str(vevent["dtstart"].params["TZID"]) == "Europe/Amsterdam"
        assert start == page.start.replace(microsecond=0)
        assert start.astimezone(AMS).hour == 19, "19:00 local on both sides of the DST change"
        assert start.utcoffset() == offset
        assert vevent["summary"] == page.title
        (vtimezone,) = calendar.walk("VTIMEZONE")
        assert vtimezone["tzid"] == "Europe/Amsterdam"
        # The VTIMEZONE carries both rules, so clients that ignore tz names still get it right.
        assert {c.name for c in vtimezone.subcomponents} >= {"STANDARD", "DAYLIGHT"}


def test_region_feed_holds_only_upcoming_live_public_events_of_that_region(client, region_site):
    other_region = RegionSite(hostname="andere.example", is_default=False)
    upcoming = EventPageFactory(parent=region_site.events, title="Masterclass micro:bit")
    past_start = timezone.now() - dt.timedelta(days=3)
    EventPageFactory(
        parent=region_site.events, title="Voorbij", start=past_start, end=past_start + dt.timedelta(hours=1)
    )
    draft = EventPageFactory(parent=region_site.events, title="Concept")
    draft.unpublish()
    EventPageFactory(parent=other_region.events, title="Andere regio")

    calendar = parse(client.get(reverse("events:region_calendar", args=[region_site.region.slug])))

    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [upcoming.title]
    assert calendar["x-wr-calname"] == region_site.home.title
    assert (
        "max-age"
        in client.get(reverse("events:region_calendar", args=[region_site.region.slug]))["Cache-Control"]
    )


def test_unknown_region_or_draft_event_feed_is_404(client, region_site):
    draft = EventPageFactory(parent=region_site.events)
    draft.unpublish()

    assert client.get(reverse("events:region_calendar", args=["bestaat-niet"])).status_code == 404
    assert client.get(reverse("events:event_calendar", args=[draft.pk])).status_code == 404


def test_the_event_index_links_to_the_regions_calendar_feed(client, region_site):
    html = client.get(region_site.events.url).content.decode()
    url = f"/evenementen/agenda/{region_site.region.slug}.ics"
    assert f'href="{url}"' in html
    assert client.get(url).status_code == 200
