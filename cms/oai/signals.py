"""Wagtail and Django signals that change whether a kit is public, turned into log updates."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from cms.pages.models import LessonKitPage

from . import services


def kits_in_subtree(page) -> list[int]:
    return list(LessonKitPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_published(sender, instance, **kwargs) -> None:
    """Publishing a kit or an ancestor can make kits public again."""
    services.sync_kits(kits_in_subtree(instance))


def on_unpublished(sender, instance, **kwargs) -> None:
    """The unpublished kit is gone whatever its row says: Wagtail also sends this signal while
    deleting a live page, before the row changes."""
    if isinstance(instance, LessonKitPage):
        services.record_kit_gone(instance)
    services.sync_kits(set(kits_in_subtree(instance)) - {instance.pk})


def on_kit_deleting(sender, instance, **kwargs) -> None:
    # pre_delete: the kit's themes are still there to record its sets.
    services.record_kit_gone(instance)


def on_view_restriction_changed(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        services.sync_kits(kits_in_subtree(page))


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="oai_page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="oai_page_unpublished")
    pre_delete.connect(on_kit_deleting, sender=LessonKitPage, dispatch_uid="oai_kit_deleting")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="oai_pvr_saved")
    post_delete.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="oai_pvr_deleted"
    )
