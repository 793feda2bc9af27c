"""Dates of a recurring event from an iCalendar RRULE (RFC 5545), expanded by ``python-dateutil``.

The rule is written without ``DTSTART`` (``FREQ=WEEKLY;COUNT=6``, ``FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630``);
the event's first start is the rule's start. Dates are expanded in local time so a weekly meeting at
19:00 stays at 19:00 across daylight-saving changes.
"""

import datetime as dt
import zoneinfo

from dateutil.rrule import rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: A series never has more dates than this (a rule without COUNT/UNTIL stops here too).
MAX_OCCURRENCES = 104


def _zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE or "Europe/Amsterdam")


def _clean_rule(rule: str) -> str:
    rule = rule.strip()
    return rule.removeprefix("RRULE:").strip()


def validate_rule(rule: str) -> None:
    """Raise ``ValidationError`` unless ``rule`` is one RRULE that dateutil understands."""
    rule = _clean_rule(rule)
    if not rule:
        return
    if "\n" in rule or "DTSTART" in rule.upper():
        raise ValidationError(_("Give one RRULE without DTSTART, e.g. FREQ=WEEKLY;COUNT=6."))
    try:
        rrulestr(rule, dtstart=dt.datetime(2026, 1, 1))  # noqa: DTZ001 - a syntax check only
    except (ValueError, TypeError):
        raise ValidationError(
            _("This is not a valid recurrence rule (RRULE), e.g. FREQ=WEEKLY;COUNT=6.")
        ) from None


def expand(rule: str, start: dt.datetime, *, limit: int = MAX_OCCURRENCES) -> list[dt.datetime]:
    """The starts of a series: ``start`` itself when ``rule`` is empty, else the rule's dates (aware)."""
    rule = _clean_rule(rule)
    if not rule:
        return [start]
    zone = _zone()
    local = timezone.localtime(start, zone).replace(tzinfo=None)
    starts = []
    for naive in rrulestr(rule, dtstart=local):
        starts.append(naive.replace(tzinfo=zone).astimezone(dt.UTC))
        if len(starts) >= limit:
            break
    return starts or [start]
