"""Reusable capacity bookkeeping: reserve and release places on any row with counters.

A capacity row carries a counter per resource (e.g. ``booked_classes``) and an optional limit
(e.g. ``capacity_classes``, NULL = unlimited). :func:`reserve` is one conditional UPDATE that
only succeeds when every counter stays within its limit, so capacity holds on every database
(SQLite serialises writers; on PostgreSQL the UPDATE re-checks its WHERE after a row lock).
Callers that need more than one statement to be consistent lock the row first with
:func:`lock` inside ``transaction.atomic()``.

Used by bookings (time slots) and event registrations (the event's counter row).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest


@dataclass(frozen=True)
class Counter:
    """One resource on a capacity row: the counter field and its (nullable) limit field."""

    used_field: str
    limit_field: str


def lock(model: type[models.Model], pk: int, **annotations) -> models.Model:
    """Lock the capacity row for the rest of the transaction (a no-op lock on SQLite).

    ``annotations`` are read in the same statement (e.g. a scalar subquery the caller needs
    under the lock), which saves the caller a query.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("capacity.lock() must be called inside transaction.atomic()")
    return model._default_manager.select_for_update().annotate(**annotations).get(pk=pk)


def reserve(model: type[models.Model], pk: int, amounts: Mapping[Counter, int]) -> bool:
    """Add ``amounts`` to the counters if every limit allows it; returns whether it did.

    ``filter(pk=..., used <= limit - n).update(used = used + n)`` in one statement: two
    concurrent callers can never both take the last place.
    """
    condition = Q(pk=pk)
    updates = {}
    for counter, amount in amounts.items():
        if amount < 0:
            raise ValueError("reserve() takes positive amounts; use release()")
        condition &= Q(**{f"{counter.limit_field}__isnull": True}) | Q(
            **{f"{counter.used_field}__lte": F(counter.limit_field) - amount}
        )
        updates[counter.used_field] = F(counter.used_field) + amount
    return model._default_manager.filter(condition).update(**updates) == 1


def release(model: type[models.Model], pk: int, amounts: Mapping[Counter, int]) -> None:
    """Give places back (never below zero)."""
    model._default_manager.filter(pk=pk).update(
        **{c.used_field: Greatest(F(c.used_field) - amount, 0) for c, amount in amounts.items()}
    )


def promote_waiting(
    waiting: Iterable[models.Model],
    try_reserve,
    on_promoted,
) -> list[models.Model]:
    """Walk a waiting list in order and promote every entry that fits now.

    ``try_reserve(entry) -> bool`` reserves the entry's places; ``on_promoted(entry)`` changes its
    state. An entry that doesn't fit (e.g. too many pupils) is skipped so smaller ones behind it
    can still move up. Call inside the transaction that freed the places, with the row locked.
    """
    promoted = []
    for entry in waiting:
        if try_reserve(entry):
            on_promoted(entry)
            promoted.append(entry)
    return promoted
