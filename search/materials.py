"""What gets indexed: a backend-neutral snapshot (:class:`MaterialData`) of a live, public lesson kit."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.text import slugify
from wagtail import hooks

from cms.pages.models import LessonKitPage
from cms.pages.models.lessonkit import LessonKitDownload, Licence, public_lesson_kits

from .attachments import document_text
from .facets import FACET_KEYS, duration_bucket
from .models import DocumentText, KitDownloadStats
from .text import strip_tags


@dataclass
class FacetTerm:
    value: str
    label: str
    position: int = 0


@dataclass
class MaterialData:
    page_id: int
    title: str
    summary: str
    body: str
    attachment_text: str
    url: str
    published_at: dt.datetime | None
    duration_minutes: int
    download_count: int = 0
    facets: dict[str, list[FacetTerm]] = field(default_factory=dict)

    def facets_json(self) -> dict[str, list[dict[str, str]]]:
        return {k: [{"value": t.value, "label": t.label} for t in v] for k, v in self.facets.items()}


def searchable_kits() -> QuerySet:
    """Live lesson kits anonymous visitors may see: the only ones search ever shows."""

    return public_lesson_kits()


def _stream_strings(value) -> Iterator[str]:
    """All text inside raw StreamField data (rich text stripped of tags)."""
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "type"):
                yield from _stream_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _stream_strings(item)


def _terms(queryset, *, value=lambda t: t.slug) -> list[FacetTerm]:
    """Terms in their editor-defined order (``sort_order``; core goals by number)."""
    return [
        FacetTerm(value(t), str(t), getattr(t, "number", None) or getattr(t, "sort_order", 0))
        for t in queryset
    ]


def hooked_facets(page_ids: list[int]) -> dict[int, dict[str, list[FacetTerm]]]:
    """Facet terms other apps give kits (hook ``databank_kit_facets``: page ids -> {page id: {facet
    key: [(value, label, position)]}}), e.g. "te leen" from cms.loans, which search doesn't import."""
    extra: dict[int, dict[str, list[FacetTerm]]] = defaultdict(dict)
    for hook in hooks.get_hooks("databank_kit_facets"):
        for page_id, facets in hook(page_ids).items():
            for key, terms in facets.items():
                if key in FACET_KEYS:
                    extra[page_id].setdefault(key, []).extend(FacetTerm(*term) for term in terms)
    return extra


def material_from_page(
    page,
    download_count: int = 0,
    texts: dict[int, str] | None = None,
    extra_facets: dict[str, list[FacetTerm]] | None = None,
) -> MaterialData:
    """Snapshot of one kit. Expects the prefetches of :func:`prefetched`; ``texts`` are preloaded
    attachment texts by document id (others are extracted and cached on the way); ``extra_facets``
    come from :func:`hooked_facets`."""

    downloads = list(page.downloads.all())
    kinds = sorted({d.kind for d in downloads})
    kind_positions = {k: i for i, k in enumerate(LessonKitDownload.Kind.values)}
    bucket, bucket_label, bucket_position = duration_bucket(page.duration_minutes)
    licence_positions = {k: i for i, k in enumerate(Licence.values)}
    facets = {
        "target_group": _terms(page.target_groups.all()),
        "theme": _terms(page.themes.all()),
        "tech_world": _terms(page.tech_worlds.all()),
        "core_goal": _terms(page.core_goals.all(), value=lambda t: str(t.number)),
        "duration": [FacetTerm(bucket, bucket_label, bucket_position)],
        "material_kind": [
            FacetTerm(k, str(LessonKitDownload.Kind(k).label), kind_positions.get(k, 99)) for k in kinds
        ],
        "region": [FacetTerm(page.region.slug, page.region.name)] if page.region_id else [],
        "partner": [FacetTerm(page.partner.slug or slugify(page.partner.name), page.partner.name)]
        if page.partner_id
        else [],
        "licence": [
            FacetTerm(page.licence, str(Licence(page.licence).label), licence_positions.get(page.licence, 99))
        ],
        **(extra_facets or {}),
    }
    body_parts = [
        strip_tags(page.learning_goals),
        *_stream_strings(page.steps.raw_data),
        *_stream_strings(page.materials.raw_data),
        *_stream_strings(page.videos.raw_data),
        page.author,
        " ".join(t.name for t in page.tags.all()),
        " ".join(t.label for terms in facets.values() for t in terms),
        page.listing_summary,
    ]
    texts = texts or {}
    attachment_parts = [
        f"{d.display_title}\n{texts[d.document_id] if d.document_id in texts else document_text(d.document)}"
        for d in downloads
    ]
    return MaterialData(
        page_id=page.pk,
        title=page.title,
        summary=page.summary,
        body="\n".join(p for p in body_parts if p),
        attachment_text="\n".join(attachment_parts),
        url=page.get_url() or page.url_path,
        published_at=page.first_published_at,
        duration_minutes=page.duration_minutes,
        download_count=download_count,
        facets=facets,
    )


def prefetched(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("partner", "region").prefetch_related(
        "target_groups", "themes", "tech_worlds", "core_goals", "tags", "downloads__document"
    )


def iter_materials(page_ids: Iterable[int] | None = None, *, chunk_size: int = 500) -> Iterator[MaterialData]:
    """Snapshots of the searchable kits (all, or those of ``page_ids`` that are searchable)."""

    queryset = searchable_kits()
    if page_ids is not None:
        queryset = queryset.filter(pk__in=list(page_ids))
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        stats = {s.page_id: s.total for s in KitDownloadStats.objects.filter(page_id__in=chunk)}
        # Cached texts whose file hash is still current: no PDF is parsed twice.
        texts = {
            document_id: text
            for document_id, text, cached_hash, current_hash in DocumentText.objects.filter(
                document__in=LessonKitDownload.objects.filter(page_id__in=chunk).values("document_id")
            ).values_list("document_id", "text", "file_hash", "document__file_hash")
            if cached_hash and cached_hash == current_hash
        }
        extra = hooked_facets(chunk)
        for page in prefetched(LessonKitPage.objects.filter(pk__in=chunk).order_by("pk")):
            yield material_from_page(page, stats.get(page.pk, 0), texts, extra.get(page.pk))
