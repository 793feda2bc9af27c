"""Where participations come from: each source (booked lessons, event registrations) is described here.

The evaluations app sits above bookings and events but needs neither: ``apps.py`` loads the
adapter in :mod:`cms.evaluations.sources` of each app that is installed, and the adapter reads
that app's own models and queries. Bookings and events know nothing of evaluations.

A source answers two questions: which participations are due (ended, not yet invited), and
who took part in one (``None`` when it no longer counts or its personal data is gone: nobody
gets mail then). A *suppression* says an address must not get evaluation mail (an unsubscribe).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from django.db.models import QuerySet


@dataclass(frozen=True)
class Participation:
    """One person's (or one class's) taking part in a lesson or event, as far as evaluations need it."""

    source: str
    pk: int
    subject_key: str  # what the results are grouped by: "offering:12", "event:45"
    subject_title: str
    kind: str  # which question set applies: "lesson", "event:masterclass"
    occurred_on: dt.date
    region_id: int | None
    name: str
    email: str
    language: str
    base_url: str


class Source(Protocol):
    name: str
    label: str

    def due(self, *, now: dt.datetime, since: dt.datetime, invited: QuerySet) -> list[int]:
        """Ids of participations that ended between ``since`` and ``now``, minus ``invited``
        (a values queryset of participation ids that have an invitation)."""

    def get(self, pk: int) -> Participation | None:
        """The participation, or ``None`` when it no longer counts or is anonymised."""


_sources: dict[str, Source] = {}
_suppressions: list[Callable[[str], bool]] = []


def register_source(source: Source) -> None:
    _sources[source.name] = source


def register_suppression(check: Callable[[str], bool]) -> None:
    """``check(email)`` is true when the address must get no evaluation mail."""
    if check not in _suppressions:
        _suppressions.append(check)


def sources() -> list[Source]:
    return list(_sources.values())


def get_source(name: str) -> Source | None:
    return _sources.get(name)


def is_suppressed(email: str) -> bool:
    return any(check(email) for check in _suppressions)
