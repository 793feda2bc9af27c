"""Shared field types for API schemas: what a value must be, declared once for every endpoint.

- :data:`Id` is a database id: a whole number from 1 to the 64-bit signed maximum that SQLite and
  PostgreSQL can compare with (larger values answer 400 instead of failing in the database). Use it
  for path, query and body ids alike.
- :class:`StrictBody` is the base of request bodies: JSON types are taken as they are, never coerced
  (``5.5`` or ``"5"`` is not an id, ``"no"`` or ``1`` is not a boolean).
- :data:`LocalTime` is a time of day without a UTC offset.
- :data:`QueryDate` is a calendar day written ``YYYY-MM-DD`` (pydantic alone would read ``0`` as 1 January 1970).
- :data:`Consent` is a consent flag: a JSON ``true``; the OpenAPI document says so.
"""

import datetime as dt
import re
from typing import Annotated

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema

#: Largest value a 64-bit signed database integer holds.
MAX_DB_INT = 2**63 - 1

Id = Annotated[int, Field(ge=1, le=MAX_DB_INT)]

Consent = Annotated[
    bool,
    WithJsonSchema(
        {"type": "boolean", "const": True, "description": "Must be `true`: the person gave consent."}
    ),
]


ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def _iso_date_only(value):
    if isinstance(value, str) and not re.fullmatch(ISO_DATE, value):
        raise ValueError("Enter a date as YYYY-MM-DD.")
    if not isinstance(value, str | dt.date):
        raise ValueError("Enter a date as YYYY-MM-DD.")
    return value


#: A day in a query string or body, only as ``YYYY-MM-DD``: never a number read as a Unix timestamp.
QueryDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


#: A time of day as the API writes it (``"08:45:00"``, local time). JSON Schema's ``time`` format
#: demands a UTC offset, so the document gives the pattern instead.
LocalTime = Annotated[
    dt.time,
    WithJsonSchema(
        {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$", "examples": ["08:45:00"]}
    ),
]


class StrictBody(Schema):
    """A request body whose values must have their declared JSON type (pydantic strict mode)."""

    model_config = ConfigDict(strict=True)
