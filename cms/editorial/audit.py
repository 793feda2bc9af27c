"""Who did what and when: Wagtail's own log (pages and other models) exported per period."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterator
from typing import TextIO

from django.utils import timezone
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry, PageLogEntry

from cms.exports import csv_dict_writer

COLUMNS = ["timestamp", "action", "description", "object_type", "object_id", "object", "user", "comment"]


def day_bounds(since: dt.date, until: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start of ``since``, start of the day after ``until``) in the site's time zone."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(since, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def audit_rows(start: dt.datetime, end: dt.datetime, action_prefix: str = "") -> Iterator[dict[str, str]]:
    """Log entries with ``start <= timestamp < end``, oldest first, as flat rows."""
    querysets = []
    for model in (PageLogEntry, ModelLogEntry):
        qs = model.objects.filter(timestamp__gte=start, timestamp__lt=end)
        if action_prefix:
            qs = qs.filter(action__startswith=action_prefix)
        querysets.append(qs.select_related("user", "content_type").order_by("timestamp", "pk").iterator())
    for entry in heapq.merge(*querysets, key=lambda e: e.timestamp):
        data = entry.data or {}
        user = entry.user
        yield {
            "timestamp": timezone.localtime(entry.timestamp).isoformat(timespec="seconds"),
            "action": entry.action,
            "description": str(log_action_registry.get_action_label(entry.action)),
            "object_type": entry.content_type.model if entry.content_type_id else "",
            "object_id": str(entry.object_id),
            "object": entry.label,
            "user": (user.get_username() if user else "") or "",
            "comment": str(data.get("comment", "") or ""),
        }


def write_csv(out: TextIO, rows: Iterator[dict[str, str]]) -> int:
    writer = csv_dict_writer(out, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count
