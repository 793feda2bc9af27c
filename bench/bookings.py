"""Benchmark: concurrent booking requests through the HTTP API against PostgreSQL.

Creates a throwaway PostgreSQL database, migrates it, seeds 10 slots, starts a real threaded
server (Django's runserver WSGI server with a larger listen backlog) and fires REQUESTS concurrent POSTs to
``/api/v3/bookings/`` spread over the slots. Prints throughput, median and p95 latency, the
status codes and the overbooking count (must be 0). Not a test.

    .venv/bin/python bench/bookings.py [--requests 200] [--concurrency 50] [--capacity 15]
                                       [--tasks immediate|db] [--profile N]
                                       [--server threaded|gunicorn] [--workers 3] [--database NAME]

``--server gunicorn`` runs production settings (``bench/settings_bookings.py``: production with the
booking rate limit raised, so 50 clients on one address are not throttled; Redis at REDIS_URL)
under gunicorn with ``deploy/gunicorn.conf.py`` and ``--workers`` processes, the task backend of
production (mails left queued for the worker). It first measures a floor on the same server: the
same number of ``GET /healthz`` at the same concurrency, so bookings/s is also given as a ratio of
what the server answers at all on this machine.

``--tasks db`` uses the production task backend (mail rendering and delivery are left to the
worker); ``--profile N`` profiles one request in-process instead, with its SQL query count and
how long it holds the slot row lock.

Needs PostgreSQL: BENCH_PG_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
is used to create and drop the throwaway database.
"""

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLOTS = 10

# Django's threaded development server (what runserver uses), with a listen backlog that takes
# the whole burst instead of runserver's 10 (which resets connections under 50 parallel clients).
SERVER = """
import sys
import django
from django.core.servers.basehttp import WSGIServer, get_internal_wsgi_application, run
django.setup()
class Server(WSGIServer):
    request_queue_size = 256
run("127.0.0.1", int(sys.argv[1]), get_internal_wsgi_application(), threading=True, server_cls=Server)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def admin_sql(pg_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(sql)


def write_settings(directory: str, tasks: str) -> None:
    backend = {
        # The test settings: every task (mail delivery, reference index, ...) runs in the request.
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        # Production: tasks are rows for `manage.py db_worker` (not run here; they stay queued).
        "db": "django_tasks_db.DatabaseBackend",
    }[tasks]
    Path(directory, "bench_bookings_settings.py").write_text(
        "from cms.settings.test import *  # noqa\n"
        "import dj_database_url, os\n"
        "DATABASES = {'default': dj_database_url.parse(os.environ['DATABASE_URL'], conn_max_age=0)}\n"
        f"TASKS = {{'default': {{'BACKEND': {backend!r}}}}}\n"
        "RATE_LIMITS = {'bookings': None}\n"
        "DEBUG = False\n"
    )


def seed(capacity: int) -> list[int]:
    import datetime as dt

    from django.utils import timezone

    from cms.bookings.models import LessonOffering, TimeSlot

    offering = LessonOffering.objects.create(title="Benchmarkles", price=200, max_pupils_per_class=32)
    day = timezone.localdate() + dt.timedelta(days=30)
    return [
        TimeSlot.objects.create(
            offering=offering,
            date=day + dt.timedelta(days=i),
            start=dt.time(9, 30),
            end=dt.time(11),
            capacity_classes=capacity,
        ).pk
        for i in range(SLOTS)
    ]


def booking_payload(i: int, slot_id: int) -> dict:
    return {
        "slot": slot_id,
        "school_name": f"Bench school {i}",
        "school_brin": f"{10 + i % 90:02d}{chr(65 + i // 90 % 26)}{chr(65 + i % 26)}",
        "school_street": "Schoolstraat 1",
        "school_postcode": "3011 AB",
        "school_city": "Rotterdam",
        "contact_name": "Juf Bench",
        "email": f"bench{i}@school.nl",
        "group": 6,
        "pupils": 24,
        "privacy_consent": True,
        "waitlist": i % 4 == 0,
        "idempotency_key": uuid.uuid4().hex,
    }


def profile_one(slot_id: int, top: int, args_tasks: str) -> None:
    """cProfile one booking request in-process; count its SQL queries and time the slot lock.

    The lock is held from the ``SELECT ... FOR UPDATE`` on the slot until COMMIT; the first
    on-commit callback registered at that moment marks the end (callbacks run after COMMIT, in
    the order they were registered).
    """
    import cProfile
    import pstats

    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    url = "/api/v3/bookings/"
    # Warm up imports, templates and the URL resolver so the profile shows steady-state work.
    client.post(url, booking_payload(9000, slot_id), content_type="application/json")

    marks: dict[str, float] = {}

    def watch(execute, sql, params, many, context):
        if "FOR UPDATE" in sql and "bookings_timeslot" in sql and "locked" not in marks:
            marks["locked"] = time.perf_counter()
            transaction.on_commit(lambda: marks.setdefault("committed", time.perf_counter()))
        return execute(sql, params, many, context)

    profiler = cProfile.Profile()
    with connection.execute_wrapper(watch), CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        profiler.enable()
        response = client.post(url, booking_payload(9001, slot_id), content_type="application/json")
        profiler.disable()
        total = time.perf_counter() - started
    locked = marks.get("committed", 0) - marks.get("locked", 0)
    print(f"task backend:     {args_tasks}")
    print(f"profiled request: status {response.status_code}, {total * 1000:.1f} ms in total")
    print(f"SQL queries:      {len(queries)} per booking request")
    print(f"slot row locked:  {locked * 1000:.1f} ms (SELECT ... FOR UPDATE to COMMIT)")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    for query in queries.captured_queries:
        print(f"  {query['time']}s  {query['sql'][:150]}")


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()  # noqa: S310 (our own http:// URL)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not come up")


def get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (our own http:// URL)
            status = response.status
            response.read()
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def summary(results: list[tuple[int, float]], elapsed: float) -> tuple[float, float, float, dict]:
    """Requests per second, median and p95 latency (ms) and the status codes of a run."""
    latencies = sorted(latency for _, latency in results)
    codes: dict[int, int] = {}
    for status, _ in results:
        codes[status] = codes.get(status, 0) + 1
    p95 = latencies[max(int(len(latencies) * 0.95) - 1, 0)]
    return (
        len(results) / elapsed,
        statistics.median(latencies) * 1000,
        p95 * 1000,
        dict(sorted(codes.items())),
    )


def gunicorn_env(db_url: str) -> dict:
    """Production settings as ``make prod-smoke`` starts them, with the bench's settings module."""
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings_bookings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",  # testserver: --profile
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": db_url,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "CACHE_KEY_PREFIX": f"bench-bookings-{uuid.uuid4().hex[:8]}",
        "STATIC_ROOT": tempfile.mkdtemp(prefix="bench-bookings-static-"),
        "MEDIA_ROOT": tempfile.mkdtemp(prefix="bench-bookings-media-"),
        "WAGTAILADMIN_BASE_URL": "https://localhost",
        "EMAIL_HOST": "127.0.0.1",
    }


def post(url: str, payload: dict) -> tuple[int, float]:
    body = json.dumps(payload).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"}, method="POST")  # noqa: S310
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            status = response.status
            response.read()
    except urllib.error.HTTPError as error:
        status = error.code
        error.read()
    except OSError:  # connection refused/reset: counted as status 0
        status = 0
    return status, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=15, help="classes per slot (10 slots)")
    parser.add_argument(
        "--tasks",
        choices=["immediate", "db"],
        default="immediate",
        help="task backend: immediate (test settings, tasks run in the request) or db (production)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="instead of the load test: cProfile one request in-process and print the top N functions",
    )
    parser.add_argument(
        "--server",
        choices=["threaded", "gunicorn"],
        default="threaded",
        help="threaded: Django's threaded WSGI server, test settings; gunicorn: production settings",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument(
        "--database",
        default="",
        help="name of the throwaway database (created and dropped; default: per run)",
    )
    args = parser.parse_args()

    pg_url = os.environ.get("BENCH_PG_URL", "postgres://postgres:postgres@127.0.0.1:5432/postgres")
    db_name = args.database or f"bench_bookings_{os.getpid()}"
    db_url = pg_url.rsplit("/", 1)[0] + "/" + db_name
    settings_dir = tempfile.mkdtemp(prefix="bench-bookings-")
    write_settings(settings_dir, args.tasks)
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "DJANGO_SETTINGS_MODULE": "bench_bookings_settings",
        "PYTHONPATH": os.pathsep.join([settings_dir, str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    if args.server == "gunicorn":
        env.update(gunicorn_env(db_url))
        env.pop("ELASTICSEARCH_URL", None)  # the booking pages don't search
        args.tasks = "db"  # production's task backend
    os.environ.clear()
    os.environ.update(env)  # this process checks the database with the server's settings
    sys.path[:0] = [settings_dir, str(ROOT)]

    admin_sql(pg_url, f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
    admin_sql(pg_url, f'CREATE DATABASE "{db_name}"')
    server = None
    try:
        import django
        from django.core.management import call_command

        django.setup()
        print(f"migrating throwaway database {db_name} ...", flush=True)
        call_command("migrate", verbosity=0)
        slot_ids = seed(args.capacity)
        if args.profile:
            profile_one(seed(1000)[0], args.profile, args.tasks)
            return
        from django.db import connections

        connections.close_all()

        port = free_port()
        if args.server == "gunicorn":
            command = [
                str(Path(sys.executable).with_name("gunicorn")),
                "--config", "deploy/gunicorn.conf.py",
                "--bind", f"127.0.0.1:{port}",
                "--workers", str(args.workers),
                "--backlog", "256",
            ]  # fmt: skip
        else:
            command = [sys.executable, "-c", SERVER, str(port)]
        server = subprocess.Popen(  # noqa: S603 (our own interpreter and code)
            command,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/api/v3/bookings/offerings/")

        floor = None
        if args.server == "gunicorn":
            with ThreadPoolExecutor(max_workers=args.concurrency) as pool:  # warm every worker
                list(pool.map(lambda _: get(base + "/healthz"), range(args.concurrency * 2)))
                started = time.perf_counter()
                floor_results = list(pool.map(lambda _: get(base + "/healthz"), range(args.requests)))
                floor = summary(floor_results, time.perf_counter() - started)

        payloads = [booking_payload(i, slot_ids[i % SLOTS]) for i in range(args.requests)]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            results = list(pool.map(lambda p: post(base + "/api/v3/bookings/", p), payloads))
        elapsed = time.perf_counter() - started

        from django.db.models import Count, Q

        from cms.bookings.models import Booking, TimeSlot

        holding = Q(bookings__status__in=Booking.HOLDING)
        slots = TimeSlot.objects.filter(pk__in=slot_ids).annotate(held=Count("bookings", filter=holding))
        overbooked = sum(max(s.held - s.capacity_classes, 0) for s in slots)
        drift = sum(s.held != s.booked_classes for s in slots)

        rate, median, p95, codes = summary(results, elapsed)
        server_name = f"gunicorn, {args.workers} workers" if args.server == "gunicorn" else "threaded"
        print(
            f"requests:        {len(results)} over {SLOTS} slots of {args.capacity} classes, "
            f"concurrency {args.concurrency}, {server_name}"
        )
        print(f"status codes:    {codes}")
        print(
            f"bookings:        {Booking.objects.filter(status__in=Booking.HOLDING).count()} holding a place, "
            f"{Booking.objects.filter(status=Booking.Status.WAITLISTED).count()} waitlisted"
        )
        print(f"throughput:      {rate:.1f} requests/s ({elapsed:.2f} s total)")
        print(f"latency median:  {median:.0f} ms")
        print(f"latency p95:     {p95:.0f} ms")
        if floor is not None:
            print(
                f"floor /healthz:  {floor[0]:.1f} requests/s, median {floor[1]:.0f} ms, p95 {floor[2]:.0f} ms, "
                f"status {floor[3]}; bookings reach {rate / floor[0]:.0%} of it"
            )
        print(f"overbooking:     {overbooked}")
        if args.tasks == "db":
            from django_tasks_db.models import DBTaskResult

            print(f"tasks queued:    {DBTaskResult.objects.count()} (for the worker; not run by the bench)")
        print(f"counter drift:   {drift} slot(s) where booked_classes != bookings holding a place")
        connections.close_all()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        admin_sql(pg_url, f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
