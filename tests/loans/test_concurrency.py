"""No double loans under real concurrency: 50 threads, each with its own database connection, race for
the last free copy. Runs on the database the suite runs on (SQLite: BEGIN IMMEDIATE serialises the
writers; PostgreSQL: the item row lock), so run it with DATABASE_URL=postgres://... too."""

import sqlite3
import threading
import uuid

import pytest
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

from cms.loans import services
from cms.loans.models import Reservation

from .conftest import make_request
from .factories import CopyFactory, ReservationFactory, next_monday

ATTEMPTS = 50
RETRIED = 10  # the first RETRIED requests are sent twice, as a client retrying after a timeout would


@pytest.fixture
def database_file(tmp_path):
    """On SQLite, race in a database file, as deployments run: the suite's in-memory database is
    shared between threads through SQLite's shared cache, which refuses a busy table at once
    ("database table is locked") instead of waiting for it as a file database does."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    settings_dict = connection.settings_dict  # the dict every thread's connection is made from
    memory_name = settings_dict["NAME"]
    keeper = sqlite3.connect(memory_name, uri=True)  # keeps the in-memory database alive meanwhile
    path = tmp_path / "race.sqlite3"
    target = sqlite3.connect(path)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()
    # The SQLite backend never closes an in-memory connection (it would lose the database): do it.
    BaseDatabaseWrapper.close(connection)
    settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        BaseDatabaseWrapper.close(connection)
        settings_dict["NAME"] = memory_name
        # Reconnect before letting the keeper go: with no connection open, SQLite drops the shared
        # in-memory database and every later test finds no tables.
        connection.ensure_connection()
        keeper.close()


def race(requests: list) -> list:
    barrier = threading.Barrier(len(requests))
    outcomes: list = [None] * len(requests)

    def attempt(index: int, request) -> None:
        try:
            barrier.wait()
            outcomes[index] = services.reserve(request)
        except Exception as error:  # kept for the assertion message: anything but "no copy" is a bug
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i, r)) for i, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_reservations_for_the_last_free_copy_give_exactly_one(request, wagtail_root):
    taken = CopyFactory()
    last = CopyFactory(item=taken.item, pickup_point=taken.pickup_point)
    ReservationFactory(copy=taken)  # the other copy is lent in that week already
    request.getfixturevalue("database_file")  # from here on (SQLite) every connection uses the file
    requests = [
        make_request(last, idempotency_key=uuid.uuid4().hex, email=f"juf{i}@school.nl")
        for i in range(ATTEMPTS)
    ]
    requests += requests[:RETRIED]

    outcomes = race(requests)

    unexpected = [o for o in outcomes if not isinstance(o, services.LoanResult | services.NoCopyAvailable)]
    assert unexpected == [], unexpected
    won = Reservation.objects.filter(copy=last)
    assert won.count() == 1
    assert Reservation.objects.filter(pickup_date=next_monday()).count() == 2
    created = [o for o in outcomes if isinstance(o, services.LoanResult) and o.created]
    assert len(created) == 1
    # A retry of the winning request got the winner back, not a second loan or a refusal.
    winner_key = won.get().idempotency_key
    for index, request in enumerate(requests):
        if request.idempotency_key == winner_key:
            assert isinstance(outcomes[index], services.LoanResult)
            assert outcomes[index].reservation.pk == won.get().pk
