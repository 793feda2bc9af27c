"""Editors' picks (wagtail.contrib.search_promotions) first in the databank results, for every backend."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.backends.base import Hit, SearchParams, SearchResults
from search.promotions import pin_promotions

pytestmark = pytest.mark.django_db


def api_search(client, **params):
    response = client.get("/api/v3/databank/search", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_editors_pick_is_pinned_on_top_of_the_results(client, databank):
    pick = databank.kits["kompas"]
    query = Query.get("Bruggen")
    SearchPromotion.objects.create(query=query, page=pick, sort_order=0)
    hits = api_search(client, q="bruggen")["results"]
    assert hits[0]["id"] == pick.pk
    assert [h["id"] for h in hits].count(pick.pk) == 1
    filtered = api_search(client, q="bruggen", target_group="po-groep-7-8")["results"]
    assert pick.pk not in [h["id"] for h in filtered]  # picks do not override the teacher's filters
    second_page = api_search(client, q="bruggen", page_size="1", page="2")["results"]
    assert pick.pk not in [h["id"] for h in second_page]


def test_picks_are_pinned_the_same_way_on_elasticsearch_results(databank):
    """The pin works on the backend-neutral results: here a page as the Elasticsearch backend returns it."""
    pick, other = databank.kits["kompas"], databank.kits["brug"]
    SearchPromotion.objects.create(query=Query.get("brug"), page=pick, sort_order=0)
    SearchPromotion.objects.create(query=Query.get("brug"), page=databank.kits["draft"], sort_order=1)
    hit = Hit(
        id=other.pk,
        title=other.title,
        url=other.url,
        summary="",
        published_at=None,
        duration_minutes=90,
        download_count=0,
        score=3.2,
        facets={},
        highlights={"title": "<mark>Brug</mark>gen"},
    )
    results = SearchResults(
        params=SearchParams(q="Brug"), total=1, hits=[hit], facets={}, backend="elasticsearch"
    )
    pin_promotions(results)
    assert [h.id for h in results.hits] == [pick.pk, other.pk]  # the draft pick is never shown
    assert results.hits[0].title == pick.title
