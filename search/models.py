"""The search app's own tables: the denormalised index of lesson materials, its facet values,
download counts, editor-maintained synonyms and index updates that still have to reach Elasticsearch.

The page models stay untouched; everything here can be rebuilt from the pages
(``manage.py search_index --rebuild``) except download counts and synonyms.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .backends.base import Hit


class LessonMaterial(models.Model):
    """One row per live, public lesson kit: everything search needs without touching the page tree.

    On SQLite a FTS5 table (``search_lessonmaterial_fts``, rowid = ``page_id``) holds the stemmed text;
    on PostgreSQL the narrow ``search_lessonmaterial_tsv`` table (Dutch tsvector, GIN index) does. Both are
    created by migrations 0002 and 0005 and maintained by :mod:`search.backends.database`.
    """

    page = models.OneToOneField(
        "pages.LessonKitPage", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=255)
    title_sort = models.CharField(max_length=255, db_index=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    attachment_text = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, db_index=True)
    duration_minutes = models.PositiveSmallIntegerField(default=0)
    download_count = models.PositiveIntegerField(default=0, db_index=True)
    # {facet key: [{"value": ..., "label": ...}, ...]} for displaying a hit without extra queries.
    facets = models.JSONField(default=dict)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Covering index for ordering a page of hits without reading the wide text columns.
        indexes = [
            models.Index(
                fields=["page", "published_at", "download_count", "title_sort"], name="search_material_sort"
            )
        ]
        verbose_name = _("indexed lesson material")
        verbose_name_plural = _("indexed lesson materials")

    def __str__(self) -> str:
        return self.title

    def as_hit(self, *, score: float | None = None, highlights: dict[str, str] | None = None) -> Hit:
        """This row as a search hit (the database backend and the editors' picks share the mapping)."""
        return Hit(
            id=self.page_id,
            title=self.title,
            url=self.url,
            summary=self.summary,
            published_at=self.published_at,
            duration_minutes=self.duration_minutes,
            download_count=self.download_count,
            score=score,
            facets=self.facets,
            highlights=highlights or {},
        )


class LessonMaterialFacet(models.Model):
    """A (facet, value) pair of a material: facet counts are grouped counts over this table."""

    material = models.ForeignKey(LessonMaterial, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=32)
    value = models.CharField(max_length=200)
    label = models.CharField(max_length=255)
    position = models.IntegerField(default=0)

    class Meta:
        # Covering index: facet counts scan it grouped by (facet, value) without touching the table.
        indexes = [
            models.Index(
                fields=["facet", "value", "label", "position", "material"], name="search_facet_cover"
            )
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class KitDownloadStats(models.Model):
    """Downloads of a kit (single files and ZIPs): feeds sorting and the funders' dashboard."""

    page = models.OneToOneField(
        "pages.LessonKitPage", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    file_downloads = models.PositiveIntegerField(default=0)
    zip_downloads = models.PositiveIntegerField(default=0)
    last_download_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("download statistics")
        verbose_name_plural = _("download statistics")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.total}"

    @property
    def total(self) -> int:
        return self.file_downloads + self.zip_downloads


class DocumentText(models.Model):
    """Extracted text of a document, keyed by its file hash so a rebuild never re-parses a PDF."""

    document = models.OneToOneField(
        "wagtaildocs.Document", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    file_hash = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"text of document {self.document_id}"


class Synonym(models.Model):
    """Words teachers use interchangeably; both backends expand queries with them."""

    terms = models.CharField(
        _("equivalent terms"),
        max_length=500,
        help_text=_('Comma-separated words or phrases that mean the same, e.g. "microbit, micro:bit".'),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self) -> str:
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.split(",") if t.strip()]


class PendingIndexUpdate(models.Model):
    """An index update Elasticsearch has not acknowledged yet; retried until it has."""

    class Action(models.TextChoices):
        INDEX = "index", _("index")
        DELETE = "delete", _("delete")

    page_id = models.IntegerField()
    action = models.CharField(max_length=8, choices=Action.choices)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["page_id"], name="search_pending_unique_page")]

    def __str__(self) -> str:
        return f"{self.action} {self.page_id}"


class IndexState(models.Model):
    """One row: a token every write to the database index changes (in the same transaction).

    Searches keep facet bitmaps and sort orders in process memory (:mod:`search.bitmaps`) and compare
    tokens with one cheap query per search, so a publish in any process is seen by the next search in
    every process. Tokens are random rather than counters so that a rolled-back write (or a test
    rollback) can never make an old token come back with different data behind it.
    ``downloads_token`` changes when only download counts changed: then just that sort order reloads.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    token = models.BigIntegerField(default=0)
    downloads_token = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"index state {self.token}/{self.downloads_token}"


class KitDownload(models.Model):
    """One download (a single file or the whole kit as ZIP): the dashboard reports these per period.

    The running totals in :class:`KitDownloadStats` stay, for sorting. A deleted kit keeps its
    download rows (``page`` becomes NULL) so past figures for funders do not change.
    """

    class Kind(models.TextChoices):
        FILE = "file", _("file")
        ZIP = "zip", _("whole kit (ZIP)")

    page = models.ForeignKey("pages.LessonKitPage", null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("kit download")
        verbose_name_plural = _("kit downloads")

    def __str__(self) -> str:
        return f"{self.kind} download of kit {self.page_id} at {self.created_at:%Y-%m-%d %H:%M}"
