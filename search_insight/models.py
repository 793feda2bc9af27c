"""The search log: one row per databank search, one row per result opened or downloaded from it.

Nothing here identifies a person: no IP address, no user, no cookie or session, only the day (not the
time). A row is written by :func:`search_insight.services.log_search` and removed after
``SEARCH_LOG_RETENTION_MONTHS`` by ``manage.py purge_search_log``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def today():
    return timezone.localdate()


class SearchLog(models.Model):
    """One databank search as a visitor made it (each results page counts as a search)."""

    day = models.DateField(_("day"), default=today)
    # Not filtered on by itself (reports go by region), so no index: one less to update per search.
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    region = models.ForeignKey(
        "snippets.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("region"),
    )
    query = models.CharField(_("query"), max_length=255, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    page = models.PositiveSmallIntegerField(_("results page"), default=1)
    hits = models.PositiveIntegerField(_("results"))
    backend = models.CharField(_("backend"), max_length=20)

    class Meta:
        verbose_name = _("search")
        verbose_name_plural = _("searches")
        # Every report selects a period first, then groups by query.
        indexes = [models.Index(fields=["day", "query"], name="search_insight_day_query")]

    def __str__(self) -> str:
        return f"{self.day} {self.query!r} ({self.hits})"


class SearchClick(models.Model):
    """A result of a logged search that was opened or downloaded, with its position in the list."""

    class Kind(models.TextChoices):
        OPEN = "open", _("opened")
        DOWNLOAD = "download", _("downloaded")

    log = models.ForeignKey(SearchLog, on_delete=models.CASCADE, related_name="clicks")
    kit = models.ForeignKey("pages.LessonKitPage", null=True, on_delete=models.SET_NULL, related_name="+")
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)

    class Meta:
        verbose_name = _("search result click")
        verbose_name_plural = _("search result clicks")

    def __str__(self) -> str:
        return f"{self.kind} #{self.position} of search {self.log_id}"
