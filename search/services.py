"""The databank search's business rules: which backend answers, keeping indexes current, counting downloads."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import replace

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Site

from . import spelling
from .backends.base import SearchBackend, SearchParams, SearchResults, SimilarKit, Suggestion
from .backends.database import DatabaseBackend
from .backends.elasticsearch import ElasticsearchBackend
from .materials import iter_materials, searchable_kits
from .models import KitDownload, KitDownloadStats, LessonMaterial, PendingIndexUpdate
from .promotions import pin_promotions
from .signals import search_performed
from .text import tokens

logger = logging.getLogger(__name__)


def elasticsearch_url() -> str:
    return getattr(settings, "ELASTICSEARCH_URL", None) or os.environ.get("ELASTICSEARCH_URL", "")


def database_backend() -> DatabaseBackend:
    return DatabaseBackend()


def elasticsearch_backend() -> SearchBackend | None:
    """The Elasticsearch backend when ``ELASTICSEARCH_URL`` is set, else ``None``."""
    url = elasticsearch_url()
    if not url:
        return None

    return ElasticsearchBackend.for_url(url)


#: A query with fewer hits than this is checked for a better spelling.
FEW_HITS = 3
#: How many similar kits a kit page and the API show.
SIMILAR_LIMIT = 6


def search(params: SearchParams, *, site: Site | None = None) -> SearchResults:
    """Answer a validated search with the editors' picks first; ``search_performed`` tells listeners
    (the search log) about it and the ``site`` it was made on."""
    params.validate()
    results = _backend_search(params)
    pin_promotions(results)
    search_performed.send(sender=SearchResults, results=results, site=site)
    return results


def _backend_search(params: SearchParams) -> SearchResults:
    """Elasticsearch when configured, the database when it is not or fails."""
    es = elasticsearch_backend()
    if es is not None:
        try:
            return search_with_correction(es, params)
        except Exception:
            logger.warning("Elasticsearch search failed; answering from the database backend", exc_info=True)
    return search_with_correction(database_backend(), params)


def search_with_correction(backend: SearchBackend, params: SearchParams) -> SearchResults:
    """The search, plus ``did_you_mean`` when it found little and a close spelling finds more.

    When the query found nothing the answer holds the corrected query's hits and facets with
    ``corrected=True`` (``params`` stay the visitor's, so the page can offer the original back).
    The same rule for both backends: only how a correction is found differs (``backend.spell``).
    """
    results = backend.search(params)
    if not params.q or results.total >= FEW_HITS:
        return results
    try:
        suggestion = backend.spell(params.q)
    except Exception:
        # E.g. an Elasticsearch index built before the spelling field existed: answer uncorrected.
        logger.warning("Spelling suggestion failed on the %s backend", backend.name, exc_info=True)
        return results
    if not suggestion or tokens(suggestion) == tokens(params.q):
        return results
    if results.total and len(tokens(suggestion)) != len(tokens(params.q)):
        return results  # words that find kits as typed ("windenergie") are not split or joined
    alternative = backend.search(replace(params, q=suggestion))
    # A fuzzy backend (Elasticsearch) already finds "robott" as "robot": the same hits then still
    # earn the teacher the word the kits use. An exact backend found the words as typed.
    forgiven = (
        backend.fuzzy
        and results.total > 0
        and {h.id for h in alternative.hits} == {h.id for h in results.hits}
    )
    if alternative.total > results.total or forgiven:
        results.did_you_mean = alternative.did_you_mean = suggestion
        if not results.total:
            alternative.params, alternative.corrected = params, True
            return alternative
    return results


def suggest(q: str, limit: int = 8) -> list[Suggestion]:
    es = elasticsearch_backend()
    if es is not None:
        try:
            return es.suggest(q, limit)
        except Exception:
            logger.warning("Elasticsearch suggest failed; answering from the database backend", exc_info=True)
    return database_backend().suggest(q, limit)


def similar_kits(page_id: int, limit: int = SIMILAR_LIMIT) -> list[SimilarKit] | None:
    """Up to ``limit`` searchable kits most like ``page_id`` (``None`` when that kit is not searchable).

    Backends rank candidates from their index; the visibility rule (:func:`searchable_kits`) is
    applied here again to the kit and its candidates in one query, so a kit unpublished a moment ago
    never shows, whatever the state of an index.
    """
    candidates: list[int] | None = None
    es = elasticsearch_backend()
    if es is not None:
        try:
            candidates = es.similar(page_id, limit * 2)
        except Exception:
            logger.warning("Elasticsearch similar kits failed; answering from the database", exc_info=True)
    if candidates is None:  # no Elasticsearch, it failed, or it has not indexed the kit yet
        candidates = database_backend().similar(page_id, limit * 2)
    if candidates is None:
        return None
    visible = set(searchable_kits().filter(pk__in=[page_id, *candidates]).values_list("pk", flat=True))
    if page_id not in visible:
        return None
    chosen = [pk for pk in candidates if pk in visible and pk != page_id][:limit]
    rows = LessonMaterial.objects.in_bulk(chosen)
    return [
        SimilarKit(
            id=row.page_id,
            title=row.title,
            url=row.url,
            summary=row.summary,
            duration_minutes=row.duration_minutes,
            facets=row.facets,
        )
        for row in (rows.get(pk) for pk in chosen)
        if row is not None
    ]


def similar_kit_pages(page_id: int, limit: int = SIMILAR_LIMIT) -> list:
    """:func:`similar_kits` as pages for the kit page's cards (target groups loaded)."""
    kits = similar_kits(page_id, limit) or []
    pages = (
        searchable_kits().filter(pk__in=[kit.id for kit in kits]).prefetch_related("target_groups").in_bulk()
    )
    return [pages[kit.id] for kit in kits if kit.id in pages]


def index_pages(page_ids: Iterable[int]) -> int:
    """Bring the indexes in line with the current state of ``page_ids``.

    Searchable kits are (re)indexed, everything else (drafts, unpublished, private, deleted) is removed.
    Idempotent, so a retry is always safe. Returns the number of indexed materials.
    """
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return 0
    materials = list(iter_materials(page_ids))
    gone = sorted(set(page_ids) - {m.page_id for m in materials})
    db = database_backend()
    with transaction.atomic():
        db.delete(gone)
        db.index(materials)
    _push_to_elasticsearch(page_ids, materials, gone)
    return len(materials)


def _push_to_elasticsearch(page_ids, materials, gone) -> None:
    es = elasticsearch_backend()
    if es is None:
        return
    try:
        es.index(materials)
        es.delete(gone)
    except Exception as error:
        logger.warning(
            "Elasticsearch index update failed for pages %s; kept for retry", page_ids, exc_info=True
        )
        record_failed_updates(page_ids, gone, error)
    else:
        PendingIndexUpdate.objects.filter(page_id__in=page_ids).delete()


def record_failed_updates(page_ids: Iterable[int], gone: Iterable[int], error: Exception) -> None:
    gone = set(gone)
    for page_id in page_ids:
        action = PendingIndexUpdate.Action.DELETE if page_id in gone else PendingIndexUpdate.Action.INDEX
        pending, created = PendingIndexUpdate.objects.get_or_create(
            page_id=page_id, defaults={"action": action, "attempts": 1, "last_error": str(error)[:2000]}
        )
        if not created:
            PendingIndexUpdate.objects.filter(pk=pending.pk).update(
                action=action, attempts=F("attempts") + 1, last_error=str(error)[:2000]
            )


def retry_pending_updates(limit: int = 500) -> int:
    """Push index updates Elasticsearch missed; returns how many pages are still pending."""
    if elasticsearch_backend() is None:
        return PendingIndexUpdate.objects.count()
    page_ids = list(PendingIndexUpdate.objects.values_list("page_id", flat=True)[:limit])
    if page_ids:
        materials = list(iter_materials(page_ids))
        gone = sorted(set(page_ids) - {m.page_id for m in materials})
        _push_to_elasticsearch(page_ids, materials, gone)
    return PendingIndexUpdate.objects.count()


def warm_up() -> None:
    """Load the database backend's facet bitmaps and spelling vocabulary now.

    Otherwise a fresh process builds them in a visitor's first search: 5-21 s at 50,000 kits
    (bench/national.py). A pre-fork web server calls this once before forking its workers
    (deploy/gunicorn.conf.py), so every worker starts with them and shares their memory. Nothing
    to do when Elasticsearch answers the searches.
    """
    if not elasticsearch_url():
        spelling.vocabulary()  # reads the current bitmaps snapshot first


def rebuild_database_index() -> int:
    return database_backend().rebuild()


def record_download(page_id: int, *, as_zip: bool, document_id: int | None = None) -> KitDownloadStats:
    """Count one download of a kit (a single file or the whole kit as ZIP).

    Writes a dated :class:`KitDownload` row (the dashboard's figures per period) and bumps the
    running totals (sorting by most downloaded) in one transaction.
    """
    with transaction.atomic():
        KitDownload.objects.create(
            page_id=page_id,
            kind=KitDownload.Kind.ZIP if as_zip else KitDownload.Kind.FILE,
            document_id=None if as_zip else document_id,
        )
        stats, _ = KitDownloadStats.objects.select_for_update().get_or_create(page_id=page_id)
        field = "zip_downloads" if as_zip else "file_downloads"
        KitDownloadStats.objects.filter(pk=page_id).update(
            **{field: F(field) + 1}, last_download_at=timezone.now()
        )
        stats.refresh_from_db()
        database_backend().update_download_count(page_id, stats.total)
    return stats
