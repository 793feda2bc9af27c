"""Time of the funders' dashboard figures at a TechTown-sized school year and more.

Usage: .venv/bin/python bench/dashboard.py [--bookings 20000] [--registrations 3000] [--runs 10]
Creates a throwaway SQLite database in /tmp with two regions, bookings (one class each),
event registrations and challenge teams, then times ``cms.dashboard.services.compute`` per
quarter and per school year, and one registration through the API.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bookings", type=int, default=20000)
    parser.add_argument("--registrations", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    db = Path(tempfile.mkdtemp()) / "bench-dashboard.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from wagtail.models import Page, Site

    from cms.bookings.models import Booking
    from cms.dashboard import services
    from cms.events.models import ChallengeTeam, EventRegistration
    from tests.bookings.factories import LessonOfferingFactory, TimeSlotFactory
    from tests.factories import (
        ChallengePageFactory,
        EventPageFactory,
        RegionSite,
        SchoolFactory,
        TechniekhuisPageFactory,
    )

    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    sites = [RegionSite(), RegionSite(hostname="b.example", is_default=False)]
    schools = [SchoolFactory(region=sites[i % 2].region) for i in range(200)]
    slots = []
    for site in sites:
        offering = LessonOfferingFactory(techniekhuis=TechniekhuisPageFactory(parent=site.techniekhuizen))
        start = dt.date(2024, 8, 1)
        slots += [
            TimeSlotFactory(
                offering=offering,
                date=start + dt.timedelta(days=d),
                capacity_classes=None,
                capacity_pupils=10000,
            )
            for d in range(0, 700, 3)
        ]
    Booking.objects.bulk_create(
        Booking(
            slot=slots[i % len(slots)],
            school=schools[i % len(schools)],
            contact_name="x",
            email="x@x.nl",
            group=6,
            pupils=20 + i % 10,
            status=Booking.Status.COMPLETED,
            idempotency_key=f"b{i}",
        )
        for i in range(args.bookings)
    )
    events = [EventPageFactory(parent=sites[i % 2].events) for i in range(30)]
    EventRegistration.objects.bulk_create(
        EventRegistration(event=events[i % 30], name="x", email=f"p{i}@x.nl", idempotency_key=f"r{i}")
        for i in range(args.registrations)
    )
    challenge = ChallengePageFactory(parent=sites[0].challenges)
    ChallengeTeam.objects.bulk_create(
        ChallengeTeam(
            challenge=challenge,
            school=schools[i],
            team_name=f"T{i}",
            pupils=5,
            teacher_name="x",
            teacher_email="x@x.nl",
            idempotency_key=f"t{i}",
        )
        for i in range(150)
    )
    for granularity in (services.QUARTER, services.SCHOOL_YEAR):
        timings = []
        for _ in range(args.runs):
            began = time.perf_counter()
            data = services.compute(granularity=granularity)
            timings.append((time.perf_counter() - began) * 1000)
        print(
            f"compute({granularity}): {args.bookings} bookings, {args.registrations} registrations, "
            f"{len(data.rows)} rows: median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
        )


if __name__ == "__main__":
    main()
