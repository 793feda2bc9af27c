"""Progress of milestones against a straight line to the due quarter, and the quarterly history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.snippets.regions import covered_region_ids

from . import indicators
from .models import Milestone, MilestoneSnapshot
from .quarters import Quarter, quarters_between

ON_TRACK = "on_track"
BEHIND = "behind"
DONE = "done"
OVERDUE = "overdue"

STATUS_LABELS = {
    ON_TRACK: _("on track"),
    BEHIND: _("behind"),
    DONE: _("done"),
    OVERDUE: _("overdue"),
}


@dataclass
class Progress:
    milestone: Milestone
    value: float | None
    target: int | None
    expected: float | None  # where the straight line from the start to the due quarter is today
    status: str

    @property
    def percentage(self) -> int | None:
        if self.value is None or not self.target:
            return None
        return round(100 * self.value / self.target)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def visible_milestones(user) -> QuerySet[Milestone]:
    """The milestones of the regions ``user`` covers (every region for Beheer and superusers)."""
    milestones = Milestone.objects.select_related("region", "programme_line", "evidence")
    regions = covered_region_ids(user)
    return milestones if regions is None else milestones.filter(region_id__in=regions)


def expected_by(milestone: Milestone, day: dt.date) -> float | None:
    """The straight line from zero on the start date to the target on the due quarter's last day."""
    if not milestone.target:
        return None
    start, due = milestone.start_date, milestone.due.last_day
    if day >= due:
        return float(milestone.target)
    if day <= start:
        return 0.0
    return milestone.target * (day - start).days / (due - start).days


def status_of(milestone: Milestone, value: float | None, day: dt.date) -> str:
    """done when the target is met (or a manual milestone is marked achieved); overdue when the due
    quarter has ended without that; otherwise on track when at or above the straight line, else behind."""
    if milestone.is_measured:
        if value is not None and milestone.target and value >= milestone.target:
            return DONE
    elif milestone.manual_status == Milestone.ManualStatus.DONE:
        return DONE
    if day > milestone.due.last_day:
        return OVERDUE
    if not milestone.is_measured:
        return ON_TRACK
    expected = expected_by(milestone, day)
    return ON_TRACK if value is not None and expected is not None and value >= expected else BEHIND


def figure(milestone: Milestone, day: dt.date) -> float | None:
    """The indicator's figure from the start date up to ``day``; ``None`` for a manual milestone."""
    if not milestone.is_measured or not milestone.indicator:
        return None
    value = indicators.measure(
        milestone.indicator, milestone.region_id, milestone.start_date, day, milestone.filters()
    )
    return None if value is None else float(value)


def progress(milestone: Milestone, day: dt.date | None = None) -> Progress:
    day = day or timezone.localdate()
    return _progress(milestone, day, figure(milestone, day))


def _progress(milestone: Milestone, day: dt.date, value: float | None) -> Progress:
    return Progress(
        milestone=milestone,
        value=value,
        target=milestone.target if milestone.is_measured else None,
        expected=expected_by(milestone, day) if milestone.is_measured else None,
        status=status_of(milestone, value, day),
    )


def progress_of(milestones: Iterable[Milestone], day: dt.date | None = None) -> list[Progress]:
    """Progress of each milestone; milestones that measure the same thing count it once.

    A plan's milestones mostly share the region and start date, and often the indicator ("70
    classes by Q4 2026", "140 classes by Q4 2027"): one count serves them all.
    """
    day = day or timezone.localdate()
    counted: dict[tuple, float | None] = {}
    rows = []
    for milestone in milestones:
        if milestone.is_measured and milestone.indicator:
            key = (milestone.indicator, milestone.region_id, milestone.start_date, milestone.filters())
            if key not in counted:
                counted[key] = figure(milestone, day)
            rows.append(_progress(milestone, day, counted[key]))
        else:
            rows.append(progress(milestone, day))
    return rows


def snapshot(milestone: Milestone, today: dt.date | None = None) -> int:
    """Record the figure at the end of every quarter from the start up to the current one.

    Past quarters are written once and then kept (so later anonymisation or a changed definition
    does not rewrite history); the current quarter is refreshed on each run, so the last run in a
    quarter leaves its end-of-quarter figure. Running it twice on a day changes nothing. Returns
    the number of rows written.
    """
    today = today or timezone.localdate()
    current = Quarter.of(today)
    last = min(current, milestone.due)
    existing = set(milestone.snapshots.values_list("year", "quarter"))
    written = 0
    for quarter in quarters_between(Quarter.of(milestone.start_date), last):
        is_current = quarter == current
        if (quarter.year, quarter.number) in existing and not is_current:
            continue
        day = today if is_current else quarter.last_day
        result = progress(milestone, day)
        MilestoneSnapshot.objects.update_or_create(
            milestone=milestone,
            year=quarter.year,
            quarter=quarter.number,
            defaults={
                "value": result.value,
                "target": result.target,
                "status": result.status,
                "taken_on": today,
            },
        )
        written += 1
    return written


def snapshot_all(today: dt.date | None = None) -> int:
    """:func:`snapshot` for every milestone, each in its own transaction."""
    written = 0
    for milestone in Milestone.objects.prefetch_related("offerings", "techniekhuizen").iterator(
        chunk_size=200
    ):
        with transaction.atomic():
            written += snapshot(milestone, today)
    return written
