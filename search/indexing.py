"""Keeping the index current: Wagtail signals enqueue django-tasks tasks that call :mod:`search.services`.

Every handler only collects the affected kit ids; the task re-reads their current state, so late,
repeated or reordered tasks converge on the right index.
"""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.pages.models import LessonKitPage
from cms.pages.signals import kit_facts_changed
from cms.snippets.models import CoreGoal, Partner, Region, TargetGroup, TechWorld, Theme

from . import services
from .models import Synonym
from .query import SYNONYM_CACHE_KEY

logger = logging.getLogger(__name__)


@task()
def update_index(page_ids: list[int]) -> int:

    return services.index_pages(page_ids)


def schedule_update(page_ids) -> None:
    page_ids = sorted({int(pk) for pk in page_ids})
    if not page_ids:
        return
    try:
        update_index.enqueue(page_ids)
    except Exception:
        # The task backend itself is unavailable: update inline rather than lose the change.
        logger.warning("Could not enqueue index update for %s; updating inline", page_ids, exc_info=True)

        services.index_pages(page_ids)


def kits_in_subtree(page) -> list[int]:

    return list(LessonKitPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_page_changed(sender, instance, **kwargs) -> None:
    """Publish/unpublish of a kit, or of an ancestor (which changes what is visible below it)."""
    schedule_update(kits_in_subtree(instance))


def on_page_moved(sender, instance, **kwargs) -> None:
    schedule_update(kits_in_subtree(instance))


def on_kit_deleted(sender, instance, **kwargs) -> None:
    schedule_update([instance.pk])


def on_view_restriction_changed(sender, instance, **kwargs) -> None:

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule_update(kits_in_subtree(page))


def on_term_saved(sender, instance, created=False, **kwargs) -> None:
    """A renamed taxonomy term changes facet labels and indexed text of every kit that uses it."""
    if created:
        return
    related = getattr(instance, "lesson_kits", None)
    if related is not None:
        schedule_update(related.values_list("pk", flat=True))


def on_synonym_saved(sender, **kwargs) -> None:

    cache.delete(SYNONYM_CACHE_KEY)


def on_kit_facts_changed(sender, page_ids, **kwargs) -> None:
    schedule_update(page_ids)


def connect() -> None:
    kit_facts_changed.connect(on_kit_facts_changed, dispatch_uid="search_kit_facts_changed")

    page_published.connect(on_page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    post_delete.connect(on_kit_deleted, sender=LessonKitPage, dispatch_uid="search_kit_deleted")
    post_save.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_pvr_saved"
    )
    post_delete.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_pvr_deleted"
    )
    for model in (Theme, TechWorld, TargetGroup, CoreGoal, Region, Partner):
        post_save.connect(on_term_saved, sender=model, dispatch_uid=f"search_term_saved_{model.__name__}")
    post_save.connect(on_synonym_saved, sender=Synonym, dispatch_uid="search_synonym_saved")
    post_delete.connect(on_synonym_saved, sender=Synonym, dispatch_uid="search_synonym_deleted")
