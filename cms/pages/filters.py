"""Listing filters of the page types, shared by the index pages and the typed API endpoints.

One function per page type takes a queryset of its pages and the filter values (``None`` or empty:
no filter) and returns the filtered queryset, so a listing on the site and the same listing through
the API always agree.
"""

from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class When(models.TextChoices):
    UPCOMING = "upcoming", _("upcoming")
    PAST = "past", _("past")


def in_region(pages: QuerySet, region: str | None) -> QuerySet:
    """Pages on the site of the region with slug ``region`` (none when there is no such site)."""
    if not region:
        return pages

    # The home page through its multi-table child link: page models import these filters.
    home = Page.objects.live().filter(homepage__region__slug=region).first()
    return pages.descendant_of(home) if home else pages.none()


def _with(pages: QuerySet, relation: str, slug: str | None) -> QuerySet:
    """Pages linked to the taxonomy term with ``slug`` through ``relation``, without duplicates."""
    if not slug:
        return pages
    return pages.filter(pk__in=pages.model.objects.filter(**{f"{relation}__slug": slug}).values("pk"))


def filter_news(pages: QuerySet, *, tag=None, year=None, region=None) -> QuerySet:
    pages = _with(in_region(pages, region), "tags", tag)
    return pages.filter(date__year=year) if year else pages


def filter_events(
    pages: QuerySet, *, when=None, audience=None, event_type=None, theme=None, region=None
) -> QuerySet:
    """``when``: ``upcoming`` (not yet ended, soonest first) or ``past`` (most recent first)."""
    pages = _with(in_region(pages, region), "themes", theme)
    if audience:
        pages = pages.filter(audience=audience)
    if event_type:
        pages = pages.filter(event_type=event_type)
    now = timezone.now()
    # A series is upcoming while one of its dates is (a skipped date does not count).
    later = Q(end__gte=now) | Q(
        pk__in=pages.model.objects.filter(
            occurrences__end__gte=now, occurrences__status__in=["scheduled", "cancelled"]
        ).values("pk")
    )
    if when == "upcoming":
        pages = pages.filter(later).order_by("start", "pk")
    elif when == "past":
        pages = pages.exclude(later).order_by("-start", "-pk")
    return pages


def filter_techniekhuizen(pages: QuerySet, *, region=None, kind=None, target_group=None) -> QuerySet:
    pages = _with(pages, "target_groups", target_group)
    if region:
        pages = pages.filter(region__slug=region)
    return pages.filter(kind=kind) if kind else pages


def filter_lesson_kits(pages: QuerySet, *, region=None, theme=None, target_group=None, tech_world=None):
    pages = _with(
        _with(_with(pages, "themes", theme), "target_groups", target_group), "tech_worlds", tech_world
    )
    return pages.filter(region__slug=region) if region else pages


def filter_challenges(pages: QuerySet, *, registration_open=None, target_group=None) -> QuerySet:
    pages = _with(pages, "target_groups", target_group)
    if registration_open is None:
        return pages
    is_open = Q(registration_deadline__gt=timezone.now())
    return pages.filter(is_open) if registration_open else pages.exclude(is_open)
