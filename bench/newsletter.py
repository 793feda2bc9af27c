"""Send one newsletter to 10,000 subscribers through SMTP to a local aiosmtpd sink.

Usage: .venv/bin/python bench/newsletter.py [--subscribers 10000] [--batch 500]
Uses a throwaway SQLite database in /tmp unless DATABASE_URL is set (e.g. PostgreSQL).
Runs the real code path through the (immediate) task backend: schedule_send -> start_send
(deliveries in one transaction) -> send_batch per batch (one SMTP connection each, every
delivery locked, sent and marked sent in its own short transaction).
Prints total time and mails per second (target: 10,000 mails in under 60 s).
"""

import argparse
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL"):
        db = Path(tempfile.mkdtemp()) / "bench-newsletter.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        # A database of its own, so a concurrent test run's test_* database is never touched.
        connection.settings_dict["TEST"]["NAME"] = f"bench_newsletter_{os.getpid()}"
        test_db = connection.creation.create_test_db(verbosity=0, keepdb=False)
    else:
        call_command("migrate", verbosity=0)
        test_db = None

    received = 0

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            nonlocal received
            received += 1
            return "250 OK"

    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.NEWSLETTER_BATCH_SIZE = args.batch

    try:
        from wagtail.models import Page

        from cms.newsletters import services
        from cms.newsletters.models import Delivery, Subscriber
        from tests.factories import EventPageFactory, LessonKitPageFactory, NewsArticlePageFactory, RegionSite
        from tests.newsletters.factories import (
            NewsletterArchivePageFactory,
            NewsletterPageFactory,
            SegmentFactory,
        )

        Page.objects.filter(depth__gt=1).delete()
        site = RegionSite()
        for i in range(5):
            NewsArticlePageFactory(parent=site.news, title=f"Nieuws {i}")
            EventPageFactory(parent=site.events, title=f"Activiteit {i}")
            LessonKitPageFactory(parent=site.databank, title=f"Leskist {i}")
        segment = SegmentFactory(name="Basisscholen")
        newsletter = NewsletterPageFactory(parent=NewsletterArchivePageFactory(parent=site.home))
        newsletter.segments.set([segment])
        newsletter.save()

        Subscriber.objects.bulk_create(
            Subscriber(email=f"leerkracht{i}@school.example", name=f"Leerkracht {i}", status="active")
            for i in range(args.subscribers)
        )
        through = Subscriber.segments.through
        through.objects.bulk_create(
            through(subscriber_id=pk, segment_id=segment.pk)
            for pk in Subscriber.objects.values_list("pk", flat=True)
        )

        began = time.perf_counter()
        send = services.schedule_send(newsletter)
        services.start_send(send.pk)
        ids = list(send.deliveries.order_by("pk").values_list("pk", flat=True))
        batch_times = []
        for i in range(0, len(ids), args.batch):
            t = time.perf_counter()
            services.send_batch(send.pk, ids[i : i + args.batch])
            batch_times.append(time.perf_counter() - t)
        total = time.perf_counter() - began

        sent = Delivery.objects.filter(send=send, status="sent").count()
        batch_times.sort()
        print(f"database: {connection.vendor}; subscribers: {args.subscribers}; batch size: {args.batch}")
        print(f"sent (marked): {sent}; received by SMTP sink: {received}")
        print(f"total: {total:.2f} s; {sent / total:.0f} mails/s")
        if batch_times and batch_times[-1] > 0:  # only when the task backend did not already send them
            print(
                f"per batch: median {batch_times[len(batch_times) // 2]:.2f} s, "
                f"p95 {batch_times[min(len(batch_times) - 1, round(0.95 * (len(batch_times) - 1)))]:.2f} s"
            )
    finally:
        controller.stop()
        if test_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
