"""Benchmark: concurrent booking requests through the HTTP API against PostgreSQL.

Creates a throwaway PostgreSQL database, migrates it, seeds 10 slots, starts a real threaded
server (Django's runserver WSGI server with a larger listen backlog) and fires REQUESTS concurrent POSTs to
``/api/v3/bookings/`` spread over the slots. Prints throughput, median and p95 latency, the
status codes and the overbooking count (must be 0). Not a test.

    .venv/bin/python bench/bookings.py [--requests 200] [--concurrency 50] [--capacity 15]
                                       [--tasks immediate|db] [--profile N] [--gunicorn N] [--db NAME]

``--gunicorn N`` serves instead with gunicorn and N worker processes (deploy/gunicorn.conf.py) under
the production settings (``cms.settings.production``: persistent connections, DEBUG off, the
database task backend, the Redis cache when ``REDIS_URL`` is set, as deployed). The rate limit stays
on: every request comes from its own client address, passed in ``X-Forwarded-For`` with
``CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR`` (the production setting for a server behind a proxy).
The same server then answers ``/healthz`` (no database) with the same clients: the floor, printed
next to the booking figure as a ratio, and ``uptime``'s load average before and after.

``--tasks db`` uses the production task backend (mail rendering and delivery are left to the
worker); ``--profile N`` profiles one request in-process instead, with its SQL query count and
how long it holds the slot row lock.

Needs PostgreSQL: BENCH_PG_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
is used to create and drop the throwaway database.
"""

import argparse
import json
import os
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


def gunicorn_env(env: dict, port: int, workers: int) -> tuple[list[str], dict]:
    """The command and environment of a production-like gunicorn (deploy/gunicorn.conf.py)."""
    command = [
        sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--max-requests", "0",
    ]  # fmt: skip
    return command, {
        **env,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "bench-" + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
        "CACHE_KEY_PREFIX": "bench-bookings-" + uuid.uuid4().hex[:8],
    }


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


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
        except OSError:  # refused, reset or timed out while the workers start
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


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(int(len(ordered) * fraction) - 1, 0)]


def post(url: str, payload: dict, client_ip: str = "127.0.0.1") -> tuple[int, float]:
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json", "X-Forwarded-For": client_ip}
    request = urllib.request.Request(url, body, headers, method="POST")  # noqa: S310
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
        "--gunicorn",
        type=int,
        default=0,
        metavar="N",
        help="serve with gunicorn and N workers under the production settings (else: threaded dev server)",
    )
    parser.add_argument(
        "--db", default="", help="name of the throwaway database (default bench_bookings_PID)"
    )
    parser.add_argument("--floor-requests", type=int, default=2000, help="/healthz requests for the floor")
    args = parser.parse_args()

    pg_url = os.environ.get("BENCH_PG_URL", "postgres://postgres:postgres@127.0.0.1:5432/postgres")
    db_name = args.db or f"bench_bookings_{os.getpid()}"
    db_url = pg_url.rsplit("/", 1)[0] + "/" + db_name
    settings_dir = tempfile.mkdtemp(prefix="bench-bookings-")
    write_settings(settings_dir, args.tasks)
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "DJANGO_SETTINGS_MODULE": "bench_bookings_settings",
        "PYTHONPATH": os.pathsep.join([settings_dir, str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
    sys.path[:0] = [settings_dir, str(ROOT)]

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
        command, server_env = [sys.executable, "-c", SERVER, str(port)], env
        if args.gunicorn:
            command, server_env = gunicorn_env(env, port, args.gunicorn)
        server = subprocess.Popen(  # noqa: S603 (our own interpreter and code)
            command,
            env=server_env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/api/v3/bookings/offerings/")

        payloads = [booking_payload(i, slot_ids[i % SLOTS]) for i in range(args.requests)]
        load_before = load_average()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            # Warm every worker (imports, URL resolver, first connection) outside the measurement.
            list(pool.map(lambda _: get(base + "/api/v3/bookings/offerings/"), range(args.concurrency)))
            floor_started = time.perf_counter()
            floor = list(pool.map(lambda _: get(base + "/healthz"), range(args.floor_requests)))
            floor_elapsed = time.perf_counter() - floor_started
            started = time.perf_counter()
            results = list(
                pool.map(
                    lambda ip: post(
                        base + "/api/v3/bookings/",
                        payloads[ip],
                        f"10.{ip // 65536}.{ip // 256 % 256}.{ip % 256}",
                    ),
                    range(len(payloads)),
                )
            )
            elapsed = time.perf_counter() - started
        load_after = load_average()

        from django.db.models import Count, Q

        from cms.bookings.models import Booking, TimeSlot

        holding = Q(bookings__status__in=Booking.HOLDING)
        slots = TimeSlot.objects.filter(pk__in=slot_ids).annotate(held=Count("bookings", filter=holding))
        overbooked = sum(max(s.held - s.capacity_classes, 0) for s in slots)
        drift = sum(s.held != s.booked_classes for s in slots)

        latencies = sorted(latency for _, latency in results)
        codes: dict[int, int] = {}
        for status, _ in results:
            codes[status] = codes.get(status, 0) + 1
        p95 = latencies[max(int(len(latencies) * 0.95) - 1, 0)]
        print(
            f"requests:        {len(results)} over {SLOTS} slots of {args.capacity} classes, "
            f"concurrency {args.concurrency}"
        )
        print(f"status codes:    {dict(sorted(codes.items()))}")
        print(
            f"bookings:        {Booking.objects.filter(status__in=Booking.HOLDING).count()} holding a place, "
            f"{Booking.objects.filter(status=Booking.Status.WAITLISTED).count()} waitlisted"
        )
        print(f"throughput:      {len(results) / elapsed:.1f} requests/s ({elapsed:.2f} s total)")
        created = codes.get(201, 0)
        print(f"bookings made:   {created / elapsed:.1f} per second (201: a place or the waiting list)")
        print(f"latency median:  {statistics.median(latencies) * 1000:.0f} ms")
        print(f"latency p95:     {p95 * 1000:.0f} ms")
        floor_rate = len(floor) / floor_elapsed
        floor_latencies = [latency for _, latency in floor]
        print(
            f"floor /healthz:  {floor_rate:.1f} requests/s, median {statistics.median(floor_latencies) * 1000:.0f} ms, "
            f"p95 {percentile(floor_latencies, 0.95) * 1000:.0f} ms "
            f"({sum(status == 200 for status, _ in floor)}/{len(floor)} ok)"
        )
        print(f"ratio:           requests/s = {len(results) / elapsed / floor_rate:.2f} x the /healthz floor")
        server_name = (
            f"gunicorn, {args.gunicorn} workers, production settings" if args.gunicorn else "threaded"
        )
        print(f"server:          {server_name}; load average {load_before} before, {load_after} after")
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
