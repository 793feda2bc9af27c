"""What the databank search page shows on top of a :class:`SearchResults`: cards, chips, facet groups.

The page and the API answer from the same :func:`search.services.search`; this module only shapes the
answer for people (relative links, listing images, removable filter chips, short facet groups).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpRequest, QueryDict
from wagtail.models import Site

from cms.pages.models import LessonKitPage

from .backends.base import FacetCount, Hit, SearchResults
from .facets import FACET_LABELS

#: Values of a facet group shown before "more"; the rest sit behind a disclosure.
FACET_VISIBLE_VALUES = 5
#: Facet groups open by default (besides those with a selected value).
FACET_GROUPS_OPEN = 3


@dataclass
class ResultCard:
    hit: Hit
    url: str
    image: object | None = None
    target_groups: list[str] = field(default_factory=list)


@dataclass
class FacetGroup:
    key: str
    label: str
    visible: list[FacetCount]
    more: list[FacetCount]
    open: bool
    more_open: bool
    selected_count: int


@dataclass
class Chip:
    key: str
    label: str
    value_label: str
    remove_url: str


def result_cards(results: SearchResults, request: HttpRequest) -> list[ResultCard]:
    """One card per hit, linked relative to the current site (absolute only for another site's page)."""
    ids = [hit.id for hit in results.hits]
    pages = LessonKitPage.objects.filter(pk__in=ids).select_related("listing_image").in_bulk()
    site = Site.find_for_request(request)
    cards = []
    for hit in results.hits:
        page = pages.get(hit.id)
        url = page.get_url(request=request, current_site=site) if page else None
        cards.append(
            ResultCard(
                hit=hit,
                url=url or hit.url,
                image=page.listing_image if page else None,
                target_groups=[term["label"] for term in hit.facets.get("target_group", [])],
            )
        )
    return cards


def facet_groups(results: SearchResults) -> list[FacetGroup]:
    """Facets with values, the first few visible; groups and "more" open when they hold a selection."""
    groups = []
    for key, values in results.facets.items():
        if not values:
            continue
        visible, more = values[:FACET_VISIBLE_VALUES], values[FACET_VISIBLE_VALUES:]
        selected = sum(v.selected for v in values)
        groups.append(
            FacetGroup(
                key=key,
                label=str(FACET_LABELS[key]),
                visible=visible,
                more=more,
                open=bool(selected) or len(groups) < FACET_GROUPS_OPEN,
                more_open=any(v.selected for v in more),
                selected_count=selected,
            )
        )
    return groups


def _url_without(query: QueryDict, key: str, value: str | None = None) -> str:
    """``?query`` without one filter value (or without every filter when ``key`` is empty); page reset."""
    pairs = []
    for name, values in query.lists():
        if name == "page":
            continue
        for item in values:
            if (not key and name in FACET_LABELS) or (name == key and (value is None or item == value)):
                continue
            pairs.append((name, item))
    return "?" + urlencode(pairs) if pairs else "?"


def active_filter_chips(results: SearchResults, query: QueryDict) -> list[Chip]:
    """A chip per selected filter value, each with the URL of the same search without it."""
    chips = []
    for key, values in results.facets.items():
        for value in values:
            if value.selected:
                chips.append(
                    Chip(
                        key=key,
                        label=str(FACET_LABELS[key]),
                        value_label=value.label,
                        remove_url=_url_without(query, key, value.value),
                    )
                )
    return chips


def url_without_filters(query: QueryDict) -> str:
    return _url_without(query, "")


def url_without_query(query: QueryDict) -> str:
    return _url_without(query, "q")
