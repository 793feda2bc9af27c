"""A small fixture dataset whose reach figures are computed by hand in the tests."""

import datetime as dt
import zoneinfo
from types import SimpleNamespace

import pytest

from cms.bookings.models import Booking
from cms.events.models import ChallengeTeam, EventRegistration
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.events.factories import ChallengeTeamFactory, EventRegistrationFactory
from tests.factories import (
    ChallengePageFactory,
    EventPageFactory,
    LessonKitPageFactory,
    RegionSite,
    SchoolFactory,
    TechniekhuisPageFactory,
)

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
B = Booking.Status


def at(y, m, d, h=10, minute=0) -> dt.datetime:
    return dt.datetime(y, m, d, h, minute, tzinfo=AMS)


@pytest.fixture
def dataset(region_site):
    a = region_site
    b = RegionSite(hostname="regio-b.example", is_default=False)
    th_a = TechniekhuisPageFactory(parent=a.techniekhuizen)
    th_b = TechniekhuisPageFactory(parent=b.techniekhuizen)
    s1, s2, s3 = (
        SchoolFactory(region=a.region),
        SchoolFactory(region=a.region),
        SchoolFactory(region=a.region),
    )
    s4 = SchoolFactory(region=b.region)

    off_a = LessonOfferingFactory(techniekhuis=th_a)
    off_b = LessonOfferingFactory(techniekhuis=th_b)
    off_none = LessonOfferingFactory(techniekhuis=None)
    a1 = TimeSlotFactory(offering=off_a, date=dt.date(2025, 9, 15), capacity_classes=10)
    a2 = TimeSlotFactory(offering=off_a, date=dt.date(2025, 11, 3), capacity_classes=10)
    a3 = TimeSlotFactory(offering=off_a, date=dt.date(2026, 9, 1), capacity_classes=10)
    none_slot = TimeSlotFactory(offering=off_none, date=dt.date(2026, 3, 10), capacity_classes=10)
    future_slot = TimeSlotFactory(
        offering=off_a, date=dt.date.today() + dt.timedelta(days=30), capacity_classes=10
    )
    b_slot = TimeSlotFactory(offering=off_b, date=dt.date(2026, 3, 10), capacity_classes=10)
    for slot, school, pupils, status in [
        (a1, s1, 25, B.CONFIRMED),
        (a1, s2, 20, B.COMPLETED),
        (a2, s1, 30, B.CONFIRMED),
        (a2, s3, 22, B.CANCELLED),
        (a2, s3, 18, B.WAITLISTED),
        (a3, s3, 24, B.CONFIRMED),
        (future_slot, s2, 28, B.CONFIRMED),  # not given yet: not reached
        (none_slot, s4, 26, B.COMPLETED),  # no techniekhuis: the school's region (B) counts
        (b_slot, s1, 21, B.REQUESTED),
    ]:
        BookingFactory(slot=slot, school=school, pupils=pupils, status=status)

    R = EventRegistration.Status
    event_a = EventPageFactory(parent=a.events, start=at(2025, 10, 1), end=at(2025, 10, 1, 12))
    event_b = EventPageFactory(parent=b.events, start=at(2026, 2, 1), end=at(2026, 2, 1, 12))
    # 23:30 local on 31 March is still Q1 locally (21:30 UTC).
    event_b_late = EventPageFactory(parent=b.events, start=at(2026, 3, 31, 23, 30), end=at(2026, 4, 1, 1))
    for event, status in [
        (event_a, R.CONFIRMED),
        (event_a, R.CONFIRMED),
        (event_a, R.CONFIRMED),
        (event_a, R.CANCELLED),
        (event_a, R.WAITLISTED),
        (event_b, R.CONFIRMED),
        (event_b, R.CONFIRMED),
        (event_b_late, R.CONFIRMED),
    ]:
        EventRegistrationFactory(event=event, status=status)

    challenge = ChallengePageFactory(parent=a.challenges)
    for created, pupils, status in [
        (at(2025, 12, 1), 5, ChallengeTeam.Status.REGISTERED),
        (at(2025, 12, 2), 4, ChallengeTeam.Status.CANCELLED),
        (at(2026, 1, 10), 6, ChallengeTeam.Status.REGISTERED),
    ]:
        team = ChallengeTeamFactory(challenge=challenge, pupils=pupils, status=status)
        ChallengeTeam.objects.filter(pk=team.pk).update(created_at=created)

    from search.models import KitDownload

    kit_a = LessonKitPageFactory(parent=a.databank, region=a.region)
    kit_b = LessonKitPageFactory(parent=a.databank, region=b.region)  # shared databank: origin counts
    for kit, when, kind in [
        (kit_a, at(2025, 9, 20), "file"),
        (kit_a, at(2025, 9, 20, 14), "file"),
        (kit_a, at(2025, 11, 5), "zip"),
        (kit_a, at(2026, 3, 31, 23, 30), "file"),  # still Q1 locally (21:30 UTC)
        (kit_a, at(2026, 9, 2), "file"),
        (kit_b, at(2026, 3, 10), "file"),
        (kit_b, at(2026, 3, 11), "file"),
        (kit_b, at(2026, 3, 12), "zip"),
    ]:
        KitDownload.objects.create(page=kit, created_at=when, kind=kind)
    return SimpleNamespace(a=a.region, b=b.region)
