"""Rendering certificates and the organisers' check-in endpoint (issue 17).

Usage: .venv/bin/python bench/checkin.py [--certificates 100] [--attendees 200]
Creates a throwaway SQLite database in /tmp with a masterclass and its registrations, renders
``--certificates`` certificate PDFs (region house style) and checks every attendee in through
``POST /admin/inchecken/datum/<id>/`` with their QR token, as the organiser's phone does (the
redirect after each check-in is not followed). Prints the total and per-item figures.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--certificates", type=int, default=100)
    parser.add_argument("--attendees", type=int, default=200)
    args = parser.parse_args()

    db = Path(tempfile.mkdtemp()) / "bench-checkin.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.contrib.auth.models import Permission, User
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone
    from wagtail.models import Page, Site

    from cms.events.models import Attendance, EventRegistration
    from cms.events.tokens import make_checkin_token
    from cms.professionalisation import services as certificates
    from cms.professionalisation.models import Certificate
    from tests.factories import EventPageFactory, RegionSite

    call_command("migrate", verbosity=0)
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    region = RegionSite()
    start = timezone.now() + dt.timedelta(hours=1)
    event = EventPageFactory(
        parent=region.events,
        title="Masterclass micro:bit",
        event_type="masterclass",
        professionalisation_hours=Decimal("3"),
        start=start,
        end=start + dt.timedelta(hours=3),
    )
    occurrence = event.occurrences.get()
    registrations = EventRegistration.objects.bulk_create(
        EventRegistration(
            event=event, name=f"Docent {n}", email=f"docent{n}@school.nl", idempotency_key=uuid.uuid4().hex
        )
        for n in range(max(args.attendees, args.certificates))
    )

    # Certificates: issue rows directly (no mail), then time the PDF rendering alone.
    attendances = Attendance.objects.bulk_create(
        Attendance(registration=r, occurrence=occurrence) for r in registrations[: args.certificates]
    )
    rows = Certificate.objects.bulk_create(
        Certificate(
            attendance=a,
            name=a.registration.name,
            email=a.registration.email,
            activity=event.title,
            event_type=event.event_type,
            date=timezone.localdate(),
            hours=Decimal("3"),
        )
        for a in attendances
    )
    style = certificates.house_style(event)
    timings = []
    started = time.perf_counter()
    for certificate in rows:
        t0 = time.perf_counter()
        certificates.render_certificate(certificate, event, style)
        timings.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - started
    print(
        f"{args.certificates} certificates: {total:.2f} s total, median {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms per PDF"
    )
    Certificate.objects.all().delete()
    Attendance.objects.all().delete()

    user = User.objects.create_user("organisator", "org@sto.nl", "x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_eventregistration"),
    )
    client = Client()
    client.force_login(user)
    url = f"/admin/inchecken/datum/{occurrence.pk}/"
    timings = []
    for registration in registrations[: args.attendees]:
        t0 = time.perf_counter()
        response = client.post(url, {"action": "token", "token": make_checkin_token(registration)})
        timings.append((time.perf_counter() - t0) * 1000)
        if response.status_code != 302:
            raise SystemExit(f"check-in: HTTP {response.status_code}")
    issued = Certificate.objects.count()
    if issued != args.attendees:  # the figure must include issuing the certificate, or it means nothing
        raise SystemExit(f"check-in: {issued} certificates issued for {args.attendees} check-ins")
    print(
        f"check-in POST ({args.attendees} QR tokens, certificate issued and mail queued on each): "
        f"median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
    )


if __name__ == "__main__":
    main()
