"""The dashboard's period of a date column, computed by the database so rows can be grouped there.

Django's ``ExtractYear``/``TruncMonth`` call a Python function once per row on SQLite (grouping
100,000 bookings per month that way took longer than reading them all); these expressions are
plain SQL on SQLite (a date is ``YYYY-MM-DD`` text there) and PostgreSQL alike.
"""

from __future__ import annotations

from django.db.models import Func, IntegerField

QUARTER = "quarter"
SCHOOL_YEAR = "school_year"


class PeriodKey(Func):
    """An integer per period of a date column: ``year * 4 + quarter - 1`` for ``"quarter"``, the
    school year's start year (school years start on 1 August) for ``"school_year"``.

    :func:`period_label` turns it back into the dashboard's label.
    """

    arity = 1
    output_field = IntegerField()

    def __init__(self, expression, granularity: str, **extra) -> None:
        if granularity not in (QUARTER, SCHOOL_YEAR):
            raise ValueError(granularity)
        self.granularity = granularity
        super().__init__(expression, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "sqlite":
            year, month = f"CAST(substr({sql}, 1, 4) AS INTEGER)", f"CAST(substr({sql}, 6, 2) AS INTEGER)"
        else:
            year = f"CAST(EXTRACT(YEAR FROM {sql}) AS INTEGER)"
            month = f"CAST(EXTRACT(MONTH FROM {sql}) AS INTEGER)"
        months = f"({year} * 12 + {month} - 1)"  # months since year 0, so integer division finds periods
        if self.granularity == QUARTER:
            return f"({months} / 3)", (*params, *params)
        return f"(({months} - 7) / 12)", (*params, *params)


def period_label(key: int, granularity: str) -> str:
    """``2026-Q3`` or ``2026-2027``, as :func:`cms.dashboard.services.period_of` writes them."""
    if granularity == QUARTER:
        return f"{key // 4}-Q{key % 4 + 1}"
    return f"{key}-{key + 1}"
