"""Evaluations: responses and their average 1-5 rating, per region and period of the lesson or
event they are about (:func:`cms.evaluations.results.rating_averages`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cms.evaluations.results import rating_averages

from ..registry import Row, Source, register
from ..services import period_of


def rows(granularity: str, bounds: tuple[dt.date, dt.date] | None) -> Iterator[Row]:
    start, end = bounds or (None, None)
    for row in rating_averages(start=start, end=end, period_of=lambda day: period_of(day, granularity)):
        yield (
            row.region_id,
            row.period,
            {
                "evaluation_responses": row.responses,
                "evaluation_ratings": row.ratings,
                # The sum back from the average, so regions and periods add up to a weighted average.
                "evaluation_rating_sum": (row.average or 0) * row.ratings,
            },
        )


register(Source("evaluations", rows))
