"""Keeping the deleted-record log true: called by the page signals in :mod:`cms.oai.signals`."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from cms.pages.models import LessonKitPage
from cms.pages.models.lessonkit import public_lesson_kits

from .models import KitRecordChange
from .repository import set_specs_of


def _spec_text(specs: Iterable[str]) -> str:
    specs = list(specs)
    return f" {' '.join(specs)} " if specs else ""


def record_kit_gone(kit: LessonKitPage) -> None:
    """A kit that harvesters may have seen left the public set (unpublished, deleted, private)."""
    if kit.first_published_at is None and not kit.live:
        return  # never published: no harvester knows it, so no tombstone that would reveal it
    KitRecordChange.objects.update_or_create(
        page_id=kit.pk,
        defaults={"deleted": True, "datestamp": timezone.now(), "set_specs": _spec_text(set_specs_of(kit))},
    )


@transaction.atomic
def sync_kits(page_ids: Iterable[int]) -> None:
    """Bring the log in line with the kits' current visibility: public kits lose their tombstone
    (their datestamp moves to now), kits no longer public get one."""
    page_ids = set(page_ids)
    if not page_ids:
        return
    public = set(public_lesson_kits().filter(pk__in=page_ids).values_list("pk", flat=True))
    now = timezone.now()
    KitRecordChange.objects.filter(page_id__in=public, deleted=True).update(deleted=False, datestamp=now)
    hidden = LessonKitPage.objects.filter(pk__in=page_ids - public).select_related("region")
    for kit in hidden.prefetch_related("themes"):
        record_kit_gone(kit)
