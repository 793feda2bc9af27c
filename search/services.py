"""The databank search's business rules: which backend answers, keeping indexes current, counting downloads."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .backends.base import SearchBackend, SearchParams, SearchResults, Suggestion
from .backends.database import DatabaseBackend
from .backends.elasticsearch import ElasticsearchBackend
from .materials import iter_materials
from .models import KitDownload, KitDownloadStats, PendingIndexUpdate

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


def search(params: SearchParams) -> SearchResults:
    """Answer a validated search; Elasticsearch when configured, the database when it is not or fails."""
    params.validate()
    es = elasticsearch_backend()
    if es is not None:
        try:
            return es.search(params)
        except Exception:
            logger.warning("Elasticsearch search failed; answering from the database backend", exc_info=True)
    return database_backend().search(params)


def suggest(q: str, limit: int = 8) -> list[Suggestion]:
    es = elasticsearch_backend()
    if es is not None:
        try:
            return es.suggest(q, limit)
        except Exception:
            logger.warning("Elasticsearch suggest failed; answering from the database backend", exc_info=True)
    return database_backend().suggest(q, limit)


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
