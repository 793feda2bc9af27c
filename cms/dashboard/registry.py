"""Figures from optional apps (loans, professionalisation, evaluations) that the dashboard shows when installed.

The dashboard needs none of them: ``apps.py`` imports the adapter in :mod:`cms.dashboard.sources` of
each installed app, and the adapter registers a :class:`Source` here. Those apps know nothing of
the dashboard. A figure whose source is not registered is left out of the page, the CSV and the
charts (not shown as zero: zero would claim the platform observed nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: (region id or None, period label, {Figures field: amount}) — amounts are added to the cell.
Row = tuple[int | None, str, dict[str, int | float]]


@dataclass(frozen=True)
class Source:
    """``rows(granularity, bounds)`` gives the source's figures per region and period; ``bounds`` is
    the selected school year's first and last day, or ``None`` for all time."""

    name: str
    rows: Callable[[str, tuple[dt.date, dt.date] | None], Iterable[Row]]


_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    _sources[source.name] = source


def sources() -> list[Source]:
    return list(_sources.values())
