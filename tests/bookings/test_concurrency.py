"""Capacity under real concurrency: threads with their own PostgreSQL connections race for one slot."""

import threading
import uuid

import pytest
from django.db import connection

from cms.bookings import services
from cms.bookings.models import Booking, TimeSlot
from cms.snippets.models import School

from .conftest import make_request
from .factories import TimeSlotFactory

ATTEMPTS = 50
CAPACITY = 20
RETRIED = 10  # the first RETRIED keys are sent twice, as a client retrying after a timeout would


def race(slot: TimeSlot, requests: list) -> list:
    barrier = threading.Barrier(len(requests))
    outcomes: list = [None] * len(requests)

    def attempt(index: int, request) -> None:
        try:
            barrier.wait()
            outcomes[index] = services.book_slot(request)
        except services.BookingError as error:
            outcomes[index] = error
        except Exception as error:  # anything else is a bug: keep it for the assertion message
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i, r)) for i, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_bookings_for_twenty_places_confirm_exactly_twenty():
    assert connection.vendor == "postgresql"
    slot = TimeSlotFactory(capacity_classes=CAPACITY)
    keys = [uuid.uuid4().hex for _ in range(ATTEMPTS)]
    # Every other attempt accepts the waiting list; the rest want a place or nothing.
    requests = [
        make_request(slot, idempotency_key=key, waitlist=i % 2 == 0, email=f"juf{i}@school.nl")
        for i, key in enumerate(keys)
    ]
    requests += requests[:RETRIED]

    outcomes = race(slot, requests)

    unexpected = [o for o in outcomes if not isinstance(o, services.BookingResult | services.SlotFull)]
    assert unexpected == [], unexpected
    slot.refresh_from_db()
    bookings = Booking.objects.filter(slot=slot)
    confirmed = bookings.filter(status=Booking.Status.CONFIRMED)
    waitlisted = bookings.filter(status=Booking.Status.WAITLISTED)
    refused = [o for o in outcomes[:ATTEMPTS] if isinstance(o, services.SlotFull)]

    assert confirmed.count() == CAPACITY
    assert slot.booked_classes == CAPACITY
    # Nothing lost: every original attempt ended as a confirmed, waiting or refused booking.
    assert confirmed.count() + waitlisted.count() + len(refused) == ATTEMPTS
    assert all(not requests[i].waitlist for i, o in enumerate(outcomes[:ATTEMPTS]) if o in refused)
    # No duplicates: one booking per key, and a retry got the booking of its first attempt.
    assert bookings.count() == len(set(bookings.values_list("idempotency_key", flat=True)))
    assert set(bookings.values_list("idempotency_key", flat=True)) <= set(keys)
    for first, retry in zip(outcomes[:RETRIED], outcomes[ATTEMPTS:], strict=True):
        if isinstance(first, services.BookingResult) and isinstance(retry, services.BookingResult):
            assert first.booking.pk == retry.booking.pk
            assert first.created != retry.created


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ten_parallel_bookings_by_one_new_school_register_the_school_once():
    assert connection.vendor == "postgresql"
    slot = TimeSlotFactory(capacity_classes=10)
    requests = [make_request(slot, idempotency_key=uuid.uuid4().hex) for _ in range(10)]

    outcomes = race(slot, requests)

    assert [o for o in outcomes if not isinstance(o, services.BookingResult)] == []
    assert School.objects.filter(brin_code="12AB").count() == 1
    assert set(Booking.objects.filter(slot=slot).values_list("school__brin_code", flat=True)) == {"12AB"}
