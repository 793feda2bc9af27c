"""A hand-built dataset whose indicator figures are counted by hand in the tests.

Region A (the default site) and region B. Rows that must not count for A: cancelled, waitlisted
and requested bookings, lessons still to come, region B's techniekhuis and school, cancelled and
waitlisted registrations, cancelled teams, unsubscribed subscribers. Anonymised rows keep counting
(anonymising blanks names, not the fact that a lesson was given: ``cms.bookings.privacy``).
"""

import datetime as dt
import zoneinfo
from types import SimpleNamespace

import pytest
from django.utils import timezone

from cms.bookings.models import Booking
from cms.events.models import ChallengeTeam, EventRegistration
from cms.newsletters.models import Subscriber
from search.models import KitDownload
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
R = EventRegistration.Status


def at(y, m, d, h=10, minute=0) -> dt.datetime:
    return dt.datetime(y, m, d, h, minute, tzinfo=AMS)


@pytest.fixture
def reach(region_site):
    a = region_site
    b = RegionSite(hostname="regio-b.example", is_default=False)
    th1 = TechniekhuisPageFactory(parent=a.techniekhuizen)
    th2 = TechniekhuisPageFactory(parent=a.techniekhuizen)
    th_b = TechniekhuisPageFactory(parent=b.techniekhuizen)
    po1 = SchoolFactory(region=a.region, school_type="po")
    po2 = SchoolFactory(region=a.region, school_type="po")
    vmbo = SchoolFactory(region=a.region, school_type="vmbo")
    po_b = SchoolFactory(region=b.region, school_type="po")

    off1 = LessonOfferingFactory(techniekhuis=th1)
    off2 = LessonOfferingFactory(techniekhuis=th2)
    off_b = LessonOfferingFactory(techniekhuis=th_b)
    off_none = LessonOfferingFactory(techniekhuis=None)
    q1 = TimeSlotFactory(offering=off1, date=dt.date(2025, 3, 10), capacity_classes=10)
    q2 = TimeSlotFactory(offering=off2, date=dt.date(2025, 5, 10), capacity_classes=10)
    q2_b = TimeSlotFactory(offering=off_b, date=dt.date(2025, 5, 10), capacity_classes=10)
    q4_none = TimeSlotFactory(offering=off_none, date=dt.date(2025, 10, 1), capacity_classes=10)
    future = TimeSlotFactory(
        offering=off1, date=timezone.localdate() + dt.timedelta(days=20), capacity_classes=10
    )
    for slot, school, pupils, status, anonymised in [
        (q1, po1, 25, B.CONFIRMED, False),  # counts
        (q1, po2, 20, B.COMPLETED, False),  # counts
        (q1, po2, 30, B.CANCELLED, False),
        (q1, vmbo, 22, B.WAITLISTED, False),
        (q2, vmbo, 24, B.CONFIRMED, True),  # counts: anonymised, still given
        (q2, po1, 18, B.REQUESTED, False),
        (q2_b, po1, 19, B.CONFIRMED, False),  # region B's techniekhuis
        (q4_none, po_b, 21, B.COMPLETED, False),  # no techniekhuis: school's region B
        (q4_none, po2, 17, B.COMPLETED, False),  # no techniekhuis: school's region A; counts
        (future, po1, 26, B.CONFIRMED, False),  # not given yet
    ]:
        booking = BookingFactory(slot=slot, school=school, pupils=pupils, status=status)
        if anonymised:
            Booking.objects.filter(pk=booking.pk).update(
                contact_name="", email="", anonymised_at=timezone.now()
            )

    ev1 = EventPageFactory(parent=a.events, start=at(2025, 4, 2), end=at(2025, 4, 2, 12))
    ev2 = EventPageFactory(parent=a.events, start=at(2025, 11, 5), end=at(2025, 11, 5, 12))
    ev_b = EventPageFactory(parent=b.events, start=at(2025, 6, 1), end=at(2025, 6, 1, 12))
    ev_future = EventPageFactory(parent=a.events, start=timezone.now() + dt.timedelta(days=9))
    for event, status in [
        (ev1, R.CONFIRMED),
        (ev1, R.CONFIRMED),
        (ev1, R.CANCELLED),
        (ev1, R.WAITLISTED),
        (ev2, R.CONFIRMED),
        (ev_b, R.CONFIRMED),
        (ev_future, R.CONFIRMED),  # counts as a registration in its (future) period only
    ]:
        EventRegistrationFactory(event=event, status=status)

    ch_a = ChallengePageFactory(parent=a.challenges)
    ch_b = ChallengePageFactory(parent=b.challenges)
    for challenge, school, created, pupils, status in [
        (ch_a, vmbo, at(2025, 2, 1), 5, ChallengeTeam.Status.REGISTERED),
        (ch_a, po1, at(2025, 2, 2), 4, ChallengeTeam.Status.REGISTERED),
        (ch_a, vmbo, at(2025, 2, 3), 6, ChallengeTeam.Status.CANCELLED),
        (ch_b, po_b, at(2025, 2, 4), 3, ChallengeTeam.Status.REGISTERED),
    ]:
        team = ChallengeTeamFactory(challenge=challenge, school=school, pupils=pupils, status=status)
        ChallengeTeam.objects.filter(pk=team.pk).update(created_at=created)

    kit_a = LessonKitPageFactory(parent=a.databank)  # no region of origin: the site counts (A)
    kit_b = LessonKitPageFactory(parent=a.databank, region=b.region)  # on A's site, from region B
    for kit, when in [(kit_a, at(2025, 3, 1)), (kit_a, at(2025, 12, 31, 23, 30)), (kit_b, at(2025, 3, 2))]:
        KitDownload.objects.create(page=kit, created_at=when, kind="file")

    for email, region, status, created in [
        ("a1@x.nl", a.region, Subscriber.Status.ACTIVE, at(2025, 1, 5)),
        ("a2@x.nl", a.region, Subscriber.Status.ACTIVE, at(2026, 1, 5)),
        ("a3@x.nl", a.region, Subscriber.Status.UNSUBSCRIBED, at(2025, 1, 5)),
        ("a4@x.nl", a.region, Subscriber.Status.PENDING, at(2025, 1, 5)),
        ("b1@x.nl", b.region, Subscriber.Status.ACTIVE, at(2025, 1, 5)),
    ]:
        subscriber = Subscriber.objects.create(email=email, region=region, status=status)
        Subscriber.objects.filter(pk=subscriber.pk).update(created_at=created)

    return SimpleNamespace(
        a=a.region, b=b.region, site_a=a, th1=th1, th2=th2, off1=off1, off2=off2, po1=po1, vmbo=vmbo
    )
