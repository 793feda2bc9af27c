"""Resumption tokens: stateless, signed and expiring.

A token carries the list request's arguments, the last page id returned and the count so far; the
signature makes tampering a ``badResumptionToken`` instead of a wrong list.
"""

from __future__ import annotations

import datetime as dt

from django.core import signing

from .repository import Selection

SALT = "cms.oai.resumption"
LIFETIME = dt.timedelta(hours=24)


class BadToken(Exception):
    pass


def _stamp(value: dt.datetime | None) -> str:
    return value.isoformat() if value else ""


def make(selection: Selection, *, after: int, cursor: int) -> str:
    payload = [
        selection.metadata_prefix,
        _stamp(selection.from_),
        _stamp(selection.until),
        selection.set_spec,
        after,
        cursor,
    ]
    return signing.dumps(payload, salt=SALT, compress=True)


def read(token: str) -> tuple[Selection, int, int]:
    """(selection, last page id returned, records returned so far); :class:`BadToken` otherwise."""
    try:
        prefix, from_, until, set_spec, after, cursor = signing.loads(
            token, salt=SALT, max_age=LIFETIME.total_seconds()
        )
        selection = Selection(
            prefix,
            dt.datetime.fromisoformat(from_) if from_ else None,
            dt.datetime.fromisoformat(until) if until else None,
            set_spec,
        )
        return selection, int(after), int(cursor)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken(str(error)) from error
