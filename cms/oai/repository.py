"""What the OAI-PMH endpoint serves: public lesson kits and the kits that left the public set.

Records are identified as ``oai:<repository identifier>:kit:<page id>`` and streamed in page-id
order, so a resumption token only needs the last id it returned (stable while kits change).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import DateTimeField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from cms.pages.models import LessonKitPage
from cms.pages.models.lessonkit import public_lesson_kits
from cms.snippets.models import Region, Theme

from .models import KitRecordChange

# A live kit without any publication date (imported rows) still needs a datestamp.
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
SET_GROUPS = ("region", "theme")


def repository_identifier() -> str:
    """The namespace part of OAI identifiers: ``OAI_REPOSITORY_IDENTIFIER`` or the admin host."""
    configured = getattr(settings, "OAI_REPOSITORY_IDENTIFIER", "")
    if configured:
        return configured
    return urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "")).hostname or "localhost"


def identifier_for(page_id: int) -> str:
    return f"oai:{repository_identifier()}:kit:{page_id}"


def page_id_from(identifier: str) -> int | None:
    prefix = f"oai:{repository_identifier()}:kit:"
    if not identifier.startswith(prefix):
        return None
    local = identifier.removeprefix(prefix)
    return int(local) if local.isascii() and local.isdigit() and len(local) < 12 else None


def set_specs_of(kit: LessonKitPage) -> list[str]:
    """The sets a kit belongs to (expects ``region`` and ``themes`` loaded or loadable)."""
    specs = [f"region:{kit.region.slug}"] if kit.region_id else []
    specs += [f"theme:{theme.slug}" for theme in kit.themes.all()]
    return specs


def valid_set(spec: str) -> bool:
    group, _, slug = spec.partition(":")
    if group not in SET_GROUPS:
        return False
    if not slug:
        return True
    model = Region if group == "region" else Theme
    return model.objects.filter(slug=slug).exists()


def all_sets() -> list[tuple[str, str]]:
    """(setSpec, setName) of every set: one parent per group, then a set per region and theme."""
    sets = [("region", "Regio's"), ("theme", "Thema's")]
    sets += [(f"region:{r.slug}", r.name) for r in Region.objects.order_by("slug")]
    sets += [(f"theme:{t.slug}", t.name) for t in Theme.objects.order_by("slug")]
    return sets


@dataclass(frozen=True)
class Selection:
    """The arguments of a list request; what a resumption token carries besides its cursor."""

    metadata_prefix: str
    from_: dt.datetime | None = None
    until: dt.datetime | None = None
    set_spec: str = ""


@dataclass
class Header:
    page_id: int
    datestamp: dt.datetime
    set_specs: list[str] = field(default_factory=list)
    deleted: bool = False
    kit: LessonKitPage | None = None

    @property
    def identifier(self) -> str:
        return identifier_for(self.page_id)


def public_kits_with_datestamps() -> QuerySet[LessonKitPage]:
    """Public kits annotated with ``oai_datestamp``: their last publication, or the moment they
    became public again if that was later (a lifted view restriction is no publication)."""
    restored = KitRecordChange.objects.filter(page_id=OuterRef("pk"), deleted=False).values("datestamp")[:1]
    published = Coalesce(
        "last_published_at", "first_published_at", Value(EPOCH), output_field=DateTimeField()
    )
    return public_lesson_kits().annotate(
        oai_datestamp=Greatest(
            published, Coalesce(Subquery(restored), published, output_field=DateTimeField())
        )
    )


def _live(selection: Selection) -> QuerySet[LessonKitPage]:
    kits = public_kits_with_datestamps()
    if selection.from_:
        kits = kits.filter(oai_datestamp__gte=selection.from_)
    if selection.until:
        kits = kits.filter(oai_datestamp__lte=selection.until)
    group, _, slug = selection.set_spec.partition(":")
    if group == "region":
        kits = kits.filter(region__slug=slug) if slug else kits.filter(region__isnull=False)
    elif group == "theme":
        kits = kits.filter(themes__slug=slug) if slug else kits.filter(themes__isnull=False)
        kits = kits.distinct()
    return kits


def _deleted(selection: Selection) -> QuerySet[KitRecordChange]:
    changes = KitRecordChange.objects.filter(deleted=True)
    if selection.from_:
        changes = changes.filter(datestamp__gte=selection.from_)
    if selection.until:
        changes = changes.filter(datestamp__lte=selection.until)
    if selection.set_spec:
        needle = f" {selection.set_spec} " if ":" in selection.set_spec else f" {selection.set_spec}:"
        changes = changes.filter(set_specs__contains=needle)
    return changes


def count(selection: Selection) -> int:
    return _live(selection).count() + _deleted(selection).count()


def headers(selection: Selection, *, after: int, limit: int, with_kits: bool) -> list[Header]:
    """The next ``limit`` headers with a page id above ``after``, live and deleted merged in order."""
    kits = _live(selection).filter(pk__gt=after).order_by("pk").select_related("region")
    kits = kits.prefetch_related("themes")
    if with_kits:
        kits = kits.select_related("partner").prefetch_related(
            "target_groups", "core_goals", "tags", "downloads__document"
        )
    live = [Header(k.pk, k.oai_datestamp, set_specs_of(k), kit=k) for k in kits[:limit]]
    gone = [
        Header(c.page_id, c.datestamp, c.set_spec_list, deleted=True)
        for c in _deleted(selection).filter(page_id__gt=after).order_by("page_id")[:limit]
    ]
    return sorted(live + gone, key=lambda h: h.page_id)[:limit]


def header_for(page_id: int, *, with_kit: bool) -> Header | None:
    selection = Selection("")
    found = headers(selection, after=page_id - 1, limit=1, with_kits=with_kit)
    return found[0] if found and found[0].page_id == page_id else None


def earliest_datestamp() -> dt.datetime:
    first_kit = (
        public_kits_with_datestamps().order_by("oai_datestamp").values_list("oai_datestamp", flat=True)
    )
    first_change = KitRecordChange.objects.order_by("datestamp").values_list("datestamp", flat=True)
    candidates = [d for d in (first_kit.first(), first_change.first()) if d is not None]
    return min(candidates) if candidates else timezone.now()
