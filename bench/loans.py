"""Loans: the free-weeks calendar at 500 kits x 3 copies, and concurrent reservations without double loans.

Usage:
    .venv/bin/python bench/loans.py [--kits 500] [--copies 3] [--runs 50]
    .venv/bin/python bench/loans.py --race 200 [--pg postgres://postgres:postgres@127.0.0.1:5432/postgres]

The first form creates a throwaway SQLite database (``--pg URL``: a throwaway PostgreSQL database),
``--kits`` lendable kits with ``--copies`` copies each over two pick-up points and a loan on a third of
the copies, then times the 12-week calendar (``cms.loans.services.availability``) of one kit and of all
kits at once (``availability_many``, what a list page or the API's ``/items/`` does), printing median and
p95. The second fires ``--race`` reservations from as many threads (own connections) at a few kits with
fewer copies than requests, and prints the throughput and the number of double loans (must be 0).
Not a test.
"""

import argparse
import datetime as dt
import gc
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def admin_sql(pg_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(sql)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kits", type=int, default=500)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--race", type=int, default=0, help="concurrent reservations instead of the calendar")
    parser.add_argument(
        "--concurrency", type=int, default=40, help="threads (connections) that send the --race reservations"
    )
    parser.add_argument(
        "--pg", default="", help="PostgreSQL admin URL: bench on a throwaway PostgreSQL database"
    )
    args = parser.parse_args()

    name = f"bench_loans_{uuid.uuid4().hex[:8]}"
    if args.pg:
        admin_sql(args.pg, f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = args.pg.rsplit("/", 1)[0] + "/" + name
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench-loans.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    try:
        call_command("migrate", verbosity=0)
        if args.race:
            race(args)
        else:
            calendar(args)
    finally:
        connections.close_all()
        if args.pg:
            admin_sql(args.pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"database: {connection.vendor}; load average {os.getloadavg()[0]:.1f} (2 cores, shared)")


def seed(kits: int, copies: int):
    from django.utils import timezone

    from cms.loans import services
    from cms.loans.models import Copy, LendableItem, PickupPoint, Reservation
    from cms.snippets.models import School

    points = [PickupPoint.objects.create(name=f"Uitgiftepunt {n}", city="Groningen") for n in (1, 2)]
    school = School.objects.create(name="OBS De Regenboog", brin_code="12AB", school_type="po")
    items = LendableItem.objects.bulk_create(LendableItem(title=f"Uitleenkist {n}") for n in range(kits))
    all_copies = Copy.objects.bulk_create(
        Copy(item=item, pickup_point=points[c % 2], inventory_number=f"K{i:04d}-{c}")
        for i, item in enumerate(items)
        for c in range(copies)
    )
    first = services.monday(timezone.localdate())
    rng = random.Random(16)
    loans = []
    for n, copy in enumerate(all_copies):
        if n % 3:
            continue
        pickup = first + dt.timedelta(weeks=rng.randrange(12))
        loans.append(
            Reservation(
                item_id=copy.item_id,
                copy=copy,
                school=school,
                contact_name="Juf",
                email="juf@school.nl",
                pickup_date=pickup,
                return_date=pickup + dt.timedelta(days=11),
                blocked_until=pickup + dt.timedelta(days=13),
                idempotency_key=uuid.uuid4().hex,
            )
        )
    Reservation.objects.bulk_create(loans)
    return items, school


def calendar(args) -> None:
    from cms.loans import services

    items, _school = seed(args.kits, args.copies)
    # As the web processes do after start-up (deploy/gunicorn.conf.py): without it a full collection
    # over the loaded project lands inside some calendars (p95 206 ms instead of 36 ms).
    gc.collect()
    gc.freeze()
    ids = [item.pk for item in items]
    rng = random.Random(1)
    one, every, one_cpu, every_cpu = [], [], [], []
    for _ in range(args.runs):
        item = items[rng.randrange(len(items))]
        start, cpu = time.perf_counter(), time.process_time()
        services.availability(item)
        one.append((time.perf_counter() - start) * 1000)
        one_cpu.append((time.process_time() - cpu) * 1000)
    for _ in range(max(args.runs // 5, 3)):
        start, cpu = time.perf_counter(), time.process_time()
        calendars = services.availability_many(ids)
        every.append((time.perf_counter() - start) * 1000)
        every_cpu.append((time.process_time() - cpu) * 1000)
    if len(calendars) != len(ids):
        raise SystemExit("the calendar left kits out")
    print(
        f"{args.kits} kits x {args.copies} copies, 12 weeks (wall time; CPU time of this process, SQLite in-process)"
    )
    for label, wall, cpu in (("one kit: ", one, one_cpu), ("all kits:", every, every_cpu)):
        print(
            f"  {label} median {statistics.median(wall):.1f} ms, p95 {percentile(wall, 0.95):.1f} ms; "
            f"CPU median {statistics.median(cpu):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms ({len(wall)} runs)"
        )


def race(args) -> None:
    from django.db import connection

    from cms.loans import services
    from cms.loans.models import Reservation

    items, school = seed(4, args.copies)
    week = services.monday(dt.date.today()) + dt.timedelta(weeks=3)
    barrier = threading.Barrier(args.concurrency)
    outcomes: list = [None] * args.race
    pending = list(range(args.race))
    lock = threading.Lock()

    def reserve(index: int) -> None:
        item = items[index % len(items)]
        request = services.LoanRequest(
            item_id=item.pk,
            pickup_point_id=None,
            start_week=week,
            weeks=1,
            school=school,
            contact_name="Juf",
            email=f"juf{index}@school.nl",
            privacy_consent=True,
            idempotency_key=uuid.uuid4().hex,
        )
        try:
            outcomes[index] = services.reserve(request)
        except Exception as error:
            outcomes[index] = error

    def worker() -> None:
        try:
            barrier.wait()
            while True:
                with lock:
                    if not pending:
                        return
                    index = pending.pop()
                reserve(index)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    made = Reservation.objects.filter(pickup_date=week)
    doubles = 0
    for copy_id in set(made.values_list("copy_id", flat=True)):
        doubles += made.filter(copy_id=copy_id).count() - 1
    refused = sum(isinstance(o, services.NoCopyAvailable) for o in outcomes)
    errors = [o for o in outcomes if isinstance(o, Exception) and not isinstance(o, services.NoCopyAvailable)]
    print(
        f"{args.race} reservations from {args.concurrency} threads for {len(items)} kits x {args.copies} copies"
        " in one week"
    )
    print(
        f"  {made.count()} reserved, {refused} refused (no copy), {len(errors)} errors, {doubles} double loans"
    )
    print(f"  {seconds:.2f} s, {args.race / seconds:.0f} requests/s")
    if errors:
        print("  first error:", repr(errors[0]))


if __name__ == "__main__":
    main()
