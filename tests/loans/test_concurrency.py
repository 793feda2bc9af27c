"""No double loans under real concurrency: 50 threads, each with its own database connection, race for
the last free copy. Runs on the database the suite runs on (SQLite: BEGIN IMMEDIATE serialises the
writers; PostgreSQL: the item row lock), so run it with DATABASE_URL=postgres://... too."""

import threading
import uuid

import pytest
from django.db import connection

from cms.loans import services
from cms.loans.models import Reservation

from .conftest import make_request
from .factories import CopyFactory, ReservationFactory, next_monday

ATTEMPTS = 50
RETRIED = 10  # the first RETRIED requests are sent twice, as a client retrying after a timeout would


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
def test_fifty_parallel_reservations_for_the_last_free_copy_give_exactly_one(wagtail_root):
    taken = CopyFactory()
    last = CopyFactory(item=taken.item, pickup_point=taken.pickup_point)
    ReservationFactory(copy=taken)  # the other copy is lent in that week already
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
