"""Readiness checks: each answers ``(ok, detail)`` quickly, never raises, and knows its own limit."""

from __future__ import annotations

import functools
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from elasticsearch import Elasticsearch

from cms.outbox.models import OutgoingMail
from search.services import elasticsearch_url


@dataclass(frozen=True)
class CheckResult:
    status: str  # "ok", "fail" or "skipped"
    detail: str = ""
    duration_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status != "fail"


def database() -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok", connection.vendor


def cache_roundtrip() -> tuple[str, str]:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    found = cache.get(key)
    cache.delete(key)
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return ("ok" if found == "1" else "fail"), backend


@functools.cache
def _es_client(url: str) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=2, max_retries=0)


def elasticsearch() -> tuple[str, str]:
    url = elasticsearch_url()
    if not url:
        return "skipped", "ELASTICSEARCH_URL not set"
    return ("ok", "ping") if _es_client(url).ping() else ("fail", "no answer")


def _age(oldest, limit: int, what: str) -> tuple[str, str]:
    if oldest is None:
        return "ok", f"no waiting {what}"
    age = max(0, int((timezone.now() - oldest).total_seconds()))
    if limit and age > limit:
        return "fail", f"oldest waiting {what}: {age}s (limit {limit}s)"
    return "ok", f"oldest waiting {what}: {age}s"


def task_queue() -> tuple[str, str]:
    """Age of the oldest task that is due and not yet picked up: no worker running shows here."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return "skipped", "not the database task backend"
    now = timezone.now()
    row = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    oldest = None
    if row:
        enqueued_at, run_after = row
        oldest = enqueued_at if run_after == get_date_max() else max(enqueued_at, min(run_after, now))
    return _age(oldest, settings.HEALTH_MAX_TASK_AGE, "task")


def outbox() -> tuple[str, str]:
    """Age of the oldest mail the mail server has not taken yet: an SMTP outage shows here."""
    oldest = (
        OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return _age(oldest, settings.HEALTH_MAX_OUTBOX_AGE, "mail")


CHECKS: dict[str, Callable[[], tuple[str, str]]] = {
    "database": database,
    "cache": cache_roundtrip,
    "elasticsearch": elasticsearch,
    "task_queue": task_queue,
    "outbox": outbox,
}


def run_all() -> dict[str, CheckResult]:
    """Every check, each timed; an exception is that check's failure, not the endpoint's."""
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            status, detail = check()
        except Exception as error:  # a failing dependency is a "fail" line, never a 500
            status, detail = "fail", f"{type(error).__name__}: {error}"[:200]
        results[name] = CheckResult(status, detail, round((time.perf_counter() - started) * 1000, 1))
    return results
