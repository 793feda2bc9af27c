"""Time of the funders' dashboard figures, the milestone progress and the funder's report.

Usage: .venv/bin/python bench/dashboard.py [--bookings 100000] [--years 5] [--milestones 50]
       [--registrations 3000] [--runs 10] [--database-url postgres://...]
Creates a throwaway SQLite database in /tmp (or migrates the empty database at ``--database-url``) with two regions, 200 schools, bookings (one class
each) spread over ``--years`` years, event registrations, challenge teams and ``--milestones``
measured milestones, then times ``cms.dashboard.services.compute`` per quarter and per school
year, the dashboard page in the admin (``/admin/funders-dashboard/``, HTML), the milestone progress page's figures (``cms.milestones.services.progress_of`` for one
region) and the report (``cms.milestones.report.build`` + PDF) for one region and school year.
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
    parser.add_argument("--bookings", type=int, default=100000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--milestones", type=int, default=50)
    parser.add_argument("--registrations", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--database-url", help="an empty database to use instead of a SQLite file in /tmp")
    args = parser.parse_args()

    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
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
        start = dt.date(2026 - args.years, 8, 1)
        slots += [
            TimeSlotFactory(
                offering=offering,
                date=start + dt.timedelta(days=d),
                capacity_classes=None,
                capacity_pupils=10000,
            )
            for d in range(0, 365 * args.years, 3)
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

    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.create_superuser("bench", "bench@example.nl", "x"))
    client.get("/admin/funders-dashboard/")  # the first request loads templates and the admin menu
    timings = []
    for _ in range(args.runs):
        began = time.perf_counter()
        response = client.get("/admin/funders-dashboard/")
        timings.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"dashboard page: HTTP {response.status_code}")
    print(
        f"dashboard page (HTML, per quarter): "
        f"median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
    )

    from cms.milestones import report
    from cms.milestones import services as milestones
    from cms.milestones.models import Milestone

    keys = ["classes_reached", "pupils_reached", "schools_reached", "event_registrations", "challenge_teams"]
    Milestone.objects.bulk_create(
        Milestone(
            region=sites[i % 2].region,
            code=f"{i // 10 + 1}.{i % 10}",
            text=f"Mijlpaal {i}",
            start_date=dt.date(2026 - args.years, 1, 1),
            due_year=2026 + i % 3,
            due_quarter=i % 4 + 1,
            kind=Milestone.Kind.MEASURED,
            indicator=keys[i % len(keys)],
            target=1000 * (i + 1),
        )
        for i in range(args.milestones)
    )
    region = sites[0].region
    mine = Milestone.objects.filter(region=region).prefetch_related("offerings", "techniekhuizen")
    timings = []
    for _ in range(args.runs):
        began = time.perf_counter()
        rows = milestones.progress_of(list(mine))
        timings.append((time.perf_counter() - began) * 1000)
    print(
        f"milestone progress (one region, {len(rows)} milestones): "
        f"median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
    )
    timings = []
    for _ in range(args.runs):
        began = time.perf_counter()
        report.pdf(report.build(region, 2025))
        timings.append((time.perf_counter() - began) * 1000)
    print(
        f"report PDF (one region, school year 2025-2026): "
        f"median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
    )


if __name__ == "__main__":
    main()
