"""Logging databank searches and the results opened from them, cheaply and without personal data.

A search costs one INSERT (no transaction of its own, no extra reads: the site and its region are
cached in the process; on PostgreSQL the commit does not wait for the disk, see :func:`_insert`). Result links get ``?zoek=<signed log id>&pos=<position>`` so that opening a kit or
downloading from it can be tied to the search and the place of the hit in the list, without a
cookie. The signature keeps others from attributing clicks to searches they did not make.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, connections, router
from django.db.models import Avg, Count, Max, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from cms.snippets.models import Region
from search.backends.base import SearchResults

from .models import SearchClick, SearchLog

logger = logging.getLogger(__name__)

LOG_PARAM = "zoek"
POSITION_PARAM = "pos"
MAX_POSITION = 100_000
_SIGNER = signing.Signer(salt="search.insight.click")
_REGION_TTL = 300.0
_region_by_site: dict[int, tuple[float, int | None]] = {}


def retention_months() -> int:
    return int(getattr(settings, "SEARCH_LOG_RETENTION_MONTHS", 13))


def normalise(q: str) -> str:
    """The query as the reports group it; the same rule as Wagtail's promoted search results."""
    return normalise_query_string(" ".join(q.split()))


def forget_regions(**kwargs) -> None:
    """Signal receiver: a site or region changed, so the cached region look-ups start over."""
    _region_by_site.clear()


def _region_id(site: Site | None) -> int | None:
    if site is None:
        return None
    now = time.monotonic()
    cached = _region_by_site.get(site.pk)
    if cached and now - cached[0] < _REGION_TTL:
        return cached[1]
    region_id = Region.objects.filter(site=site).values_list("pk", flat=True).first()
    _region_by_site[site.pk] = (now, region_id)
    return region_id


def log_search(results: SearchResults, *, site: Site | None = None) -> SearchLog | None:
    """Log one search and make its hits' links carry the search and their position.

    A failing write is logged and the search answers anyway (the visitor never pays for insight).
    """
    params = results.params
    log = SearchLog(
        day=timezone.localdate(),
        site=site,
        region_id=_region_id(site),
        query=normalise(params.q),
        filters=params.filters,
        page=min(params.page, 32767),
        hits=results.total,
        backend=results.backend,
    )
    try:
        _insert(log)
    except DatabaseError:
        logger.warning("Could not log a databank search", exc_info=True)
        return None
    token = _SIGNER.sign(str(log.pk))
    for position, hit in enumerate(results.hits, start=params.offset + 1):
        hit.url = tracked_url(hit.url, token, position)
    return log


def _insert(log: SearchLog) -> None:
    """One INSERT. On PostgreSQL its commit does not wait for the disk (``synchronous_commit`` off for
    this statement's own transaction only): a crash may lose the last split second of search log,
    never other data, and a search does not pay a WAL flush (~3-4 ms here). SQLite runs in WAL mode
    with ``synchronous=NORMAL`` already (cms.settings), so a plain INSERT is as cheap there.
    """
    connection = connections[router.db_for_write(SearchLog)]
    if connection.vendor != "postgresql":
        log.save(force_insert=True)
        return
    table = connection.ops.quote_name(SearchLog._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, site_id, region_id, query, filters, page, hits, backend) "  # noqa: S608
            "SELECT %s, %s, %s, %s, %s::jsonb, %s, %s, %s "
            "FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed RETURNING id",
            [
                log.day,
                log.site_id,
                log.region_id,
                log.query,
                json.dumps(log.filters),
                log.page,
                log.hits,
                log.backend,
            ],
        )
        log.pk = cursor.fetchone()[0]


def tracked_url(url: str, token: str, position: int) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({LOG_PARAM: token, POSITION_PARAM: position})}"


def click_from_request(request: HttpRequest) -> tuple[str, int, int] | None:
    """``(token, log id, position)`` when the request carries a valid signed search reference."""
    token = request.GET.get(LOG_PARAM, "")
    position = request.GET.get(POSITION_PARAM, "")
    if not token or not position.isdigit():
        return None
    try:
        log_id = int(_SIGNER.unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    position_number = int(position)
    if not 1 <= position_number <= MAX_POSITION:
        return None
    return token, log_id, position_number


def carry_click(url: str, request: HttpRequest | None) -> str:
    """``url`` with the search reference of ``request`` (a kit opened from a search), if it has one."""
    click = click_from_request(request) if request is not None else None
    if click is None:
        return url
    token, _log_id, position = click
    return tracked_url(url, token, position)


def search_logged(sender, *, results: SearchResults, site: Site | None = None, **kwargs) -> None:
    """Receiver of ``search.signals.search_performed``: log the search, track its hits' links."""
    log_search(results, site=site)


def download_clicked(sender, *, request: HttpRequest, kit_id: int, **kwargs) -> None:
    """Receiver of ``search.signals.download_served``: a file served from a search result is a click."""
    if LOG_PARAM in request.GET:
        record_click(request, kit_id, SearchClick.Kind.DOWNLOAD)


def record_click(request: HttpRequest, kit_id: int, kind: str) -> SearchClick | None:
    """Count an opened or downloaded result of a logged search; ignores requests without a reference."""
    click = click_from_request(request)
    if click is None:
        return None
    _token, log_id, position = click
    try:
        if not SearchLog.objects.filter(pk=log_id).exists():
            return None  # purged meanwhile
        return SearchClick.objects.create(log_id=log_id, kit_id=kit_id, position=position, kind=kind)
    except DatabaseError:
        logger.warning("Could not log a search result click", exc_info=True)
        return None


def purge(months: int | None = None, *, today: dt.date | None = None) -> int:
    """Delete searches (and their clicks) older than the retention period; returns the searches deleted."""
    cutoff = months_before(today or timezone.localdate(), months or retention_months())
    SearchClick.objects.filter(log__day__lt=cutoff).delete()
    deleted, _ = SearchLog.objects.filter(day__lt=cutoff).delete()
    return deleted


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


# --- reports: each takes the already filtered (period, region) searches ---


def _queried(logs: QuerySet[SearchLog]) -> QuerySet[SearchLog]:
    """First result pages of searches with words: paging on is not a new search."""
    return logs.filter(page=1).exclude(query="")


def top_queries(logs: QuerySet[SearchLog]) -> QuerySet:
    return (
        _queried(logs)
        .values("query")
        .annotate(
            searches=Count("id", distinct=True),
            average_hits=Avg("hits"),
            searches_opened=Count("id", distinct=True, filter=Q(clicks__isnull=False)),
            last_day=Max("day"),
        )
        .order_by("-searches", "query")
    )


def zero_result_queries(logs: QuerySet[SearchLog]) -> QuerySet:
    """What teachers looked for and did not find: the list of material to make."""
    return (
        _queried(logs)
        .filter(hits=0)
        .values("query")
        .annotate(searches=Count("id"), last_day=Max("day"))
        .order_by("-searches", "query")
    )


def unopened_queries(logs: QuerySet[SearchLog]) -> QuerySet:
    """Queries with results of which no result was ever opened or downloaded."""
    return (
        _queried(logs)
        .filter(hits__gt=0)
        .values("query")
        .annotate(
            searches=Count("id", distinct=True),
            average_hits=Avg("hits"),
            clicks=Count("clicks"),
            last_day=Max("day"),
        )
        .filter(clicks=0)
        .order_by("-searches", "query")
    )


def click_positions(clicks: QuerySet[SearchClick]) -> QuerySet:
    return (
        clicks.values("position")
        .annotate(
            opened=Count("id", filter=Q(kind=SearchClick.Kind.OPEN)),
            downloaded=Count("id", filter=Q(kind=SearchClick.Kind.DOWNLOAD)),
        )
        .order_by("position")
    )


def zero_result_queries_this_week(limit: int = 10) -> list[dict]:
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    return list(zero_result_queries(SearchLog.objects.filter(day__gte=monday))[:limit])
