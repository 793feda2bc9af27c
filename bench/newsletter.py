"""Send one newsletter to 10,000 subscribers through SMTP to a local aiosmtpd sink.

Usage: .venv/bin/python bench/newsletter.py [--subscribers 10000] [--batch 500] [--smtp-probe 1000]
       [--workers 1]

Uses a throwaway SQLite database in /tmp unless DATABASE_URL is set; on PostgreSQL it creates a
throwaway database of its own (``bench_newsletter_<pid>``) and drops it afterwards.

Runs the real code path: schedule_send -> start_send_task (deliveries in one transaction) ->
send_batch_task per batch (one SMTP connection each; every delivery marked sent on its own, while
the server reads the next mail's envelope). The tasks are taken from a recording task backend and
run one after the other, like one ``db_worker`` would, so every batch can be timed; ``--workers N``
runs the batches in N threads instead, like N workers (on PostgreSQL, where a batch holds its
deliveries with advisory locks and skips those another holds; SQLite runs one worker).

The SMTP sink runs in a separate process, so it does not compete with the sender for the GIL.
``--smtp-probe N`` sends N ready-made messages (already flattened to bytes) through the same SMTP
exchange (``cms.newsletters.exchange``) over the same backend, without any database work or building
per mail: the ceiling the SMTP side allows on this machine. Half go before the send, the rest in slices between the batches (the send's clock stops
meanwhile), so the ceiling is measured under the same load as the send.

Prints total time, mails per second, median/p95 per batch, the load average and (with the probe)
the ratio of the sending rate to the SMTP-only ceiling of the same run (issue 20: >= 85%).
"""

import argparse
import multiprocessing
import os
import socket
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_sink(port: int, counter, ready) -> None:
    """An aiosmtpd server that accepts and counts every message (in its own process)."""
    import asyncio

    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            with counter.get_lock():
                counter.value += 1
            return "250 OK"

    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    try:
        asyncio.run(asyncio.sleep(10**6))
    finally:
        controller.stop()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument(
        "--synchronous-commit", action="store_true", help="PostgreSQL: keep synchronous_commit on"
    )
    parser.add_argument("--smtp-probe", type=int, default=1000, help="0 to skip the SMTP-only probe")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="batches sent in parallel, like N db_worker processes (PostgreSQL only)",
    )
    args = parser.parse_args()

    port = free_port()
    counter = multiprocessing.Value("i", 0)
    ready = multiprocessing.Event()
    sink = multiprocessing.Process(target=run_sink, args=(port, counter, ready), daemon=True)
    sink.start()
    ready.wait(10)

    if not os.environ.get("DATABASE_URL"):
        db = Path(tempfile.mkdtemp()) / "bench-newsletter.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        # A database of its own, so a concurrent test run's test_* database is never touched.
        connection.settings_dict["TEST"]["NAME"] = f"bench_newsletter_{os.getpid()}"
        test_db = connection.creation.create_test_db(verbosity=0, keepdb=False)
    else:
        call_command("migrate", verbosity=0)
        test_db = None
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            journal = cursor.fetchone()[0]
            cursor.execute("PRAGMA synchronous")
            synchronous = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[cursor.fetchone()[0]]

    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        NEWSLETTER_BATCH_SIZE=args.batch,
        NEWSLETTER_SYNCHRONOUS_COMMIT=args.synchronous_commit,
    ).enable()

    try:
        from django.core.mail import get_connection
        from django_tasks import default_task_backend
        from wagtail.models import Page

        from cms.newsletters import services
        from cms.newsletters.exchange import MailExchange
        from cms.newsletters.models import Delivery, Subscriber
        from cms.newsletters.prepared import BatchMail
        from cms.newsletters.rendering import render_newsletter
        from cms.newsletters.services import send_batch_task
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

        print(f"database: {connection.vendor}", end="")
        if test_db:
            print(f" (synchronous_commit {'on' if args.synchronous_commit else 'off'} for mark-sent)", end="")
        print(f" (journal_mode={journal}, synchronous={synchronous})" if test_db is None else "")
        print(
            f"subscribers: {args.subscribers}; batch size: {args.batch}; workers: {args.workers}; "
            f"load average before: {load()}"
        )

        # The SMTP-only probe: the same exchange over the same Django SMTP backend with a mail that is
        # already bytes, so no database work and no building per mail, only the SMTP transaction.
        # Half of it runs before the send, the rest in slices between batches, so that the ceiling
        # and the send see the same machine (its load moves the figures by tens of percent).
        rendered = render_newsletter(newsletter)
        probe_mails = BatchMail(
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            from_email=services.from_email(),
            base_url=rendered.base_url,
        )
        probe_message = probe_mails.message("probe@school.example", "probe-unsubscribe", "probe-preferences")
        if args.smtp_probe and not probe_message.prepared:
            sys.exit("the newsletter cannot be sent as prepared bytes: the probe would build each mail")
        probe_sent, probe_seconds = 0, 0.0

        def nothing() -> None:
            pass

        def probe(count: int) -> None:
            nonlocal probe_sent, probe_seconds
            if count <= 0:
                return
            t = time.perf_counter()
            with get_connection() as smtp:
                exchange = MailExchange(smtp, envelope_sender=probe_mails.envelope_sender)
                for _ in range(count):
                    exchange.send(probe_message, before_commit=nothing, meanwhile=nothing)
            probe_seconds += time.perf_counter() - t
            probe_sent += count

        probe(args.smtp_probe // 2)
        probe_slice = -(
            -(args.smtp_probe - args.smtp_probe // 2) // max(1, -(-args.subscribers // args.batch))
        )

        backend = default_task_backend
        began = time.perf_counter()
        services.schedule_send(newsletter)  # enqueues start_send_task (autocommit: right away)
        batch_times, other_times = [], []

        def run(result) -> None:
            t = time.perf_counter()
            try:
                result.task.call(*result.args, **result.kwargs)
            finally:
                if threading.current_thread() is not threading.main_thread():
                    connection.close()
            (batch_times if result.task.func is send_batch_task.func else other_times).append(
                time.perf_counter() - t
            )

        while backend.results:
            ready, backend.results[:] = list(backend.results), []
            batches = [r for r in ready if r.task.func is send_batch_task.func]
            for result in ready:
                if result not in batches:
                    run(result)
            if args.workers > 1 and batches:
                with ThreadPoolExecutor(args.workers) as pool:
                    list(pool.map(run, batches))
            else:
                for result in batches:
                    run(result)
                    paused = time.perf_counter()
                    probe(probe_slice)
                    began += time.perf_counter() - paused  # the send's clock stops for the probe
        total = time.perf_counter() - began

        sent = Delivery.objects.filter(status="sent").count()
        print(f"sent (marked): {sent}; received by SMTP sink: {counter.value - probe_sent}")
        print(f"total: {total:.2f} s; {sent / total:.0f} mails/s")
        if probe_sent:
            ceiling = probe_sent / probe_seconds
            print(
                f"SMTP only (no database), before and between the batches: {probe_sent} mails in "
                f"{probe_seconds:.2f} s, {ceiling:.0f} mails/s"
            )
            ratio = sent / total / ceiling
            verdict = "meets" if ratio >= 0.85 else "below"
            print(f"ratio to the SMTP-only ceiling: {ratio:.0%} ({verdict} the 85% target)")
        print(f"starting the send (render once, write {sent} deliveries): {sum(other_times):.2f} s")
        if batch_times:
            print(
                f"per batch of {args.batch}: median {percentile(batch_times, 0.5):.2f} s, "
                f"p95 {percentile(batch_times, 0.95):.2f} s ({len(batch_times)} batches)"
            )
        print(f"load average after: {load()}")
    finally:
        sink.terminate()
        if test_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
