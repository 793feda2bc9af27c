"""Editors' picks from Wagtail's promoted search results, pinned on top of the databank results.

Editors manage them in Wagtail's own "Promoted search results" screen (``wagtail.contrib.search_promotions``):
a query string with one or more pages. This module only places the picked kits first, the same way
for every backend, because it works on the backend-neutral :class:`SearchResults`.
"""

from __future__ import annotations

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from .backends.base import SearchResults
from .models import LessonMaterial


def pin_promotions(results: SearchResults) -> None:
    """Put the editors' picks for the query first on the first page of an unfiltered search.

    Only kits in the index (live, public) are shown; a pick that is also a normal hit moves up
    instead of appearing twice. The total is left as the backend counted it.
    """
    params = results.params
    if params.page != 1 or not params.q or params.filters:
        return
    page_ids = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(params.q), page__isnull=False
        )
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )
    if not page_ids:
        return
    rows = LessonMaterial.objects.in_bulk(page_ids)
    picked = [rows[page_id].as_hit() for page_id in page_ids if page_id in rows]
    picked_ids = {hit.id for hit in picked}
    results.hits = picked + [hit for hit in results.hits if hit.id not in picked_ids]
