"""Batch jobs go item by item: one bad item is logged and left for the next run, the rest go on.

Every job that loops over rows (queueing booking mails, reminders, outbox retries, newsletter
sends) runs each item through :func:`each`: the item gets its own savepoint, so a failure rolls
back only that item's writes (and leaves PostgreSQL's transaction usable); it is logged with
its traceback and counted, and the item keeps whatever marks it as due (a pending flag, a
missing ``reminder_sent_at``), so the next run retries it.

Commands print the summary and exit 0 even when items failed: the job itself did its work, the
failures are in the log (``logger.exception``, which error tracking picks up) and on stderr,
and a non-zero exit would make a scheduler retry or alarm on the whole job for one row.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import transaction

logger = logging.getLogger(__name__)

Item = TypeVar("Item")


@dataclass
class Outcome:
    """How a batch went: ``done`` items did something, ``failed`` ones raised (and were logged)."""

    done: int = 0
    failed: list = field(default_factory=list)

    def __int__(self) -> int:
        return self.done

    def report_failures(self, stderr, what: str) -> None:
        """For commands: one line on stderr when items failed (details are in the log)."""
        if self.failed:
            stderr.write(f"{len(self.failed)} {what} failed and will be retried (see the log): {self.failed}")


def each(items: Iterable[Item], action: Callable[[Item], object], *, what: str) -> Outcome:
    """Run ``action`` on every item in its own savepoint; count truthy results as done."""
    outcome = Outcome()
    for item in items:
        try:
            with transaction.atomic():
                result = action(item)
        except Exception:  # any failure of one item: log it, leave it due, go on with the rest
            logger.exception("%s %s failed; it stays due for the next run", what, item)
            outcome.failed.append(item)
            continue
        if result:
            outcome.done += 1
    return outcome
