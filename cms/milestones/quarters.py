"""Calendar quarters as the plans write them: "Q4 2026", "Q3-2026", "2025-Q3"."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

_PATTERNS = (
    re.compile(r"^q\s*([1-4])\s*[-/ ]?\s*(\d{4})$"),  # Q4 2026, Q3-2026, q2/2025
    re.compile(r"^(\d{4})\s*[-/ ]?\s*q\s*([1-4])$"),  # 2025-Q3, 2025 Q3
)


class Quarter(NamedTuple):
    year: int
    number: int

    def __str__(self) -> str:
        return f"Q{self.number} {self.year}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> dt.date:
        if self.number == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.number + 1, 1) - dt.timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)


def parse_quarter(text: str) -> Quarter | None:
    """The quarter in ``text``, or ``None`` when it is not one of the plans' ways of writing it."""
    value = " ".join(str(text).strip().lower().split())
    if match := _PATTERNS[0].match(value):
        return Quarter(int(match.group(2)), int(match.group(1)))
    if match := _PATTERNS[1].match(value):
        return Quarter(int(match.group(1)), int(match.group(2)))
    return None


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    out = []
    quarter = first
    while quarter <= last:
        out.append(quarter)
        quarter = quarter.next()
    return out
