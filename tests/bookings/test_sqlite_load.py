"""The embedded default (SQLite) takes public writes while the task worker writes too: 0 errors.

A real setup, as ``make run`` has it: the test database (migrated and seeded here) is copied to
a file, a web server process (``runserver``) and a task worker (``db_worker``) run against that
file, and threads post bookings over HTTP while the worker queues and delivers their mails.
Without a busy timeout and ``BEGIN IMMEDIATE`` SQLite answers "database is locked" (a 500, or a
failed task) as soon as two writers meet.
"""

import json
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import TechniekhuisPageFactory

from .factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory

BOOKINGS = 60
THREADS = 5
ROOT = Path(settings.BASE_DIR)

SETTINGS = """
from cms.settings.dev import *  # noqa: F403

RATE_LIMITS = {"bookings": None}  # one client address posts them all
OUTBOX_TRANSPORT_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
"""


def embedded_setup(tmp_path: Path, extra_settings: str = "") -> tuple[Path, dict[str, str]]:
    """The test database as a file, and the environment for processes that use it."""
    database = tmp_path / "db.sqlite3"
    copy_test_database(database)
    (tmp_path / "hammer_settings.py").write_text(SETTINGS + extra_settings)
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{tmp_path}:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "hammer_settings",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    return database, env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_test_database(target: Path) -> None:
    """The migrated, seeded test database (in memory) as a file the other processes can open."""
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def wait_until_serving(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the web server stopped"
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 - loopback
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("the web server did not start")


def post_json(url: str, payload: dict) -> tuple[int, str]:
    request = urllib.request.Request(  # noqa: S310 - loopback
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")[:300]


def rows(database: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(database, timeout=30) as reader:
        return reader.execute(sql).fetchall()


def wait_for_the_worker(database: Path, stall: float = 90) -> None:
    """Wait while the worker makes progress: a busy machine is slow, a stuck worker stops counting down."""
    last_change, last_count = time.monotonic(), None
    while time.monotonic() - last_change < stall:
        open_tasks = rows(
            database,
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')",
        )[0][0]
        if open_tasks == 0:
            return
        if open_tasks != last_count:
            last_change, last_count = time.monotonic(), open_tasks
        time.sleep(1)
    raise AssertionError(f"the worker left {open_tasks} task(s) open and made no progress for {stall:.0f} s")


@pytest.fixture
def slots(wagtail_root, region_site):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's file locking only; PostgreSQL locks rows")
    offering = LessonOfferingFactory(techniekhuis=TechniekhuisPageFactory(parent=region_site.techniekhuizen))
    return [TimeSlotFactory(offering=offering, capacity_classes=1) for _ in range(BOOKINGS)]


def test_public_writes_and_the_task_worker_never_hit_a_locked_database(slots, tmp_path):
    database, env = embedded_setup(tmp_path)
    port = free_port()
    logs = {name: (tmp_path / f"{name}.log").open("w+") for name in ("web", "worker")}
    manage = [sys.executable, str(ROOT / "manage.py")]
    processes = [
        subprocess.Popen(  # noqa: S603 - our own manage.py
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=logs["web"],
            stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(  # noqa: S603
            [*manage, "db_worker", "--interval", "0.05"],
            cwd=ROOT,
            env=env,
            stdout=logs["worker"],
            stderr=subprocess.STDOUT,
        ),
    ]
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/api/v3/", processes[0])
        answers: list[tuple[int, str]] = []

        def book(indexes: range) -> None:
            for i in indexes:
                payload = {
                    "slot": slots[i].pk,
                    "school_name": "OBS De Regenboog",
                    "school_brin": "12AB",
                    "school_street": "Schoolstraat 1",
                    "school_postcode": "3011AB",
                    "school_city": "Rotterdam",
                    "contact_name": "Juf Anna",
                    "email": f"juf{i}@regenboog.nl",
                    "group": 6,
                    "pupils": 24,
                    "privacy_consent": True,
                    "idempotency_key": uuid.uuid4().hex,
                }
                answers.append(post_json(f"http://127.0.0.1:{port}/api/v3/bookings/", payload))

        threads = [threading.Thread(target=book, args=(range(t, BOOKINGS, THREADS),)) for t in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        wait_for_the_worker(database)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)

    output = {name: (log.seek(0), log.read())[1] for name, log in logs.items()}
    errors = [answer for answer in answers if answer[0] != 201]
    assert len(answers) == BOOKINGS
    assert errors == [], errors
    assert "database is locked" not in output["web"] + output["worker"]
    tasks = dict(
        rows(database, "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status")
    )
    assert tasks.get("FAILED", 0) == 0, output["worker"][-3000:]
    assert tasks["SUCCESSFUL"] >= 2 * BOOKINGS  # the booking's mails, then their delivery
    assert rows(database, "SELECT count(*) FROM bookings_booking WHERE notifications_pending")[0][0] == 0
    mails = dict(rows(database, "SELECT status, count(*) FROM outbox_outgoingmail GROUP BY status"))
    assert mails.get("sent", 0) >= BOOKINGS and set(mails) == {"sent"}, mails


def test_booking_mails_whose_task_failed_on_a_locked_database_are_sent_by_the_cron_jobs(slots, tmp_path):
    """A failed task leaves its work pending; ``queue_booking_mails`` and ``send_pending_mail`` retry it."""
    booking = BookingFactory(slot=slots[0], notifications_pending=True)
    database, env = embedded_setup(tmp_path, 'DATABASES["default"]["OPTIONS"]["timeout"] = 0.2\n')

    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # e.g. a long write elsewhere, beyond the busy timeout
    try:
        task = f"from cms.bookings.services import queue_new_booking_mails as t; t.call({booking.pk})"
        failed = manage(env, "shell", "-c", task)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert failed.returncode != 0 and "database is locked" in failed.stderr
    assert rows(database, "SELECT count(*) FROM bookings_booking WHERE notifications_pending")[0][0] == 1

    assert manage(env, "queue_booking_mails", "--older-than", "0").returncode == 0
    sent = manage(env, "send_pending_mail")

    assert sent.returncode == 0, sent.stderr
    assert rows(database, "SELECT count(*) FROM bookings_booking WHERE notifications_pending")[0][0] == 0
    mails = dict(rows(database, "SELECT status, count(*) FROM outbox_outgoingmail GROUP BY status"))
    assert mails.get("sent", 0) >= 1 and set(mails) == {"sent"}, mails
