"""The Elasticsearch backend: the same contract as the database backend, through elasticsearch-dsl.

Indices are versioned (``<alias>-<timestamp>``) behind an alias; ``rebuild`` fills a new index with
bulk requests and swaps the alias in one atomic ``update_aliases`` call, so searches never see a
half-built index.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk
from elasticsearch_dsl import A, Q, Search

from ..documents import FACET_SEPARATOR, build_index, material_to_source
from ..facets import FACET_KEYS
from ..materials import iter_materials
from ..query import synonym_groups
from .base import FacetCount, Hit, SearchParams, SearchResults, Suggestion

logger = logging.getLogger(__name__)

BOOSTED_FIELDS = ["title^4", "summary^3", "body^2", "attachments"]
HIGHLIGHT_FIELDS = ("title", "summary", "body", "attachments")
SORTS = {
    "relevance": ["_score", {"published_at": {"order": "desc"}}],
    "newest": [{"published_at": {"order": "desc"}}],
    "downloads": [{"download_count": {"order": "desc"}}, {"published_at": {"order": "desc"}}],
    "title": [{"title.raw": {"order": "asc"}}],
}


def alias_name() -> str:
    return getattr(settings, "SEARCH_ELASTICSEARCH_ALIAS", "databank-lessonmaterials")


def _facet_filter(key: str, values: list[str]) -> Q:
    return Q("terms", **{key: values})


def build_search(params: SearchParams, index: str | None = None) -> Search:
    """The complete request for ``params``: match, post-filter, facet aggregations, highlight, sort, page.

    Filters go in ``post_filter`` and every facet's aggregation is wrapped in a filter of the *other*
    facets' selections, so a facet's counts ignore its own selection (OR within, AND across facets).
    """
    search = Search(index=index or alias_name())
    if params.q:
        search = search.query(
            "multi_match",
            query=params.q,
            fields=BOOSTED_FIELDS,
            type="best_fields",
            operator="and",
            fuzziness="AUTO",
            prefix_length=2,
        )
    filters = {key: _facet_filter(key, values) for key, values in params.filters.items()}
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for key in FACET_KEYS:
        others = [f for k, f in filters.items() if k != key]
        agg = A("filter", filter=Q("bool", filter=others)) if others else A("filter", filter=Q("match_all"))
        agg.bucket("values", "terms", field=f"{key}_bucket", size=200)
        search.aggs.bucket(f"facet_{key}", agg)
    search = search.highlight_options(
        pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=160, number_of_fragments=1, encoder="html"
    ).highlight(*HIGHLIGHT_FIELDS)
    search = search.sort(*SORTS[params.sort]).extra(track_total_hits=True)
    search = search.source(excludes=["body", "attachments", "suggest", "spelling"])
    return search[params.offset : params.offset + params.page_size]


def build_suggest(q: str, limit: int, index: str | None = None) -> Search:
    return (
        Search(index=index or alias_name())
        .suggest(
            "titles",
            q,
            completion={
                "field": "suggest",
                "size": limit,
                "skip_duplicates": True,
                "fuzzy": {"fuzziness": "AUTO"},
            },
        )
        .source(["title", "url"])
        .extra(size=0)
    )


def build_spell(q: str, index: str | None = None) -> Search:
    """A phrase suggestion for ``q`` from the ``spelling`` vocabulary (titles, summaries, labels).

    Only words the index lacks are replaced (``suggest_mode: missing``), up to 2 edits each, and the
    suggestion is collated: it is kept only when it matches at least one kit.
    """
    return (
        Search(index=index or alias_name())
        .suggest(
            "did_you_mean",
            q,
            phrase={
                "field": "spelling.shingles",
                "size": 1,
                "max_errors": 2,
                "confidence": 0.0,
                "gram_size": 3,
                "direct_generator": [
                    {
                        "field": "spelling",
                        "suggest_mode": "missing",
                        "min_word_length": 3,
                        "prefix_length": 1,
                        "max_edits": 2,
                    }
                ],
                "collate": {
                    "query": {
                        "source": {"match": {"spelling": {"query": "{{suggestion}}", "operator": "and"}}}
                    },
                    "prune": False,
                },
            },
        )
        .extra(size=0)
    )


def parse_spell(response: dict) -> str | None:
    for entry in response.get("suggest", {}).get("did_you_mean", []):
        for option in entry.get("options", []):
            return option["text"]
    return None


#: Similar kits: shared taxonomy terms add to the text likeness of ``more_like_this``.
SIMILAR_FACET_BOOSTS = {"theme": 3.0, "tech_world": 2.0, "core_goal": 2.0, "target_group": 1.0}


def build_similar(page_id: int, facets: dict[str, list[str]], limit: int, index: str | None = None) -> Search:
    """``more_like_this`` on the kit's own text, plus a boost per shared term; never the kit itself."""
    index = index or alias_name()
    should = [
        Q(
            "more_like_this",
            fields=["title", "summary", "body"],
            like=[{"_index": index, "_id": str(page_id)}],
            min_term_freq=1,
            min_doc_freq=2,
            max_query_terms=25,
            boost=2.0,
        )
    ]
    should += [
        Q("terms", **{key: values, "boost": SIMILAR_FACET_BOOSTS[key]})
        for key, values in facets.items()
        if key in SIMILAR_FACET_BOOSTS and values
    ]
    query = Q("bool", should=should, minimum_should_match=1, must_not=[Q("ids", values=[str(page_id)])])
    return Search(index=index).query(query).source(False)[:limit]


def parse_facets(aggregations: dict, filters: dict[str, list[str]]) -> dict[str, list[FacetCount]]:
    facets = {}
    for key in FACET_KEYS:
        selected = set(filters.get(key, []))
        rows = []
        for bucket in aggregations.get(f"facet_{key}", {}).get("values", {}).get("buckets", []):
            value, label, position = bucket["key"].split(FACET_SEPARATOR)
            rows.append((int(position), label, value, bucket["doc_count"]))
        counts = [
            FacetCount(value=v, label=lbl, count=n, selected=v in selected) for _p, lbl, v, n in sorted(rows)
        ]
        seen = {c.value for c in counts}
        counts += [FacetCount(value=v, label=v, count=0, selected=True) for v in sorted(selected - seen)]
        facets[key] = counts
    return facets


def parse_hit(raw: dict) -> Hit:
    source = raw["_source"]
    published = source.get("published_at")
    highlights = {name: " … ".join(fragments) for name, fragments in raw.get("highlight", {}).items()}
    return Hit(
        id=int(raw["_id"]),
        title=source["title"],
        url=source.get("url", ""),
        summary=source.get("summary", ""),
        published_at=dt.datetime.fromisoformat(published) if published else None,
        duration_minutes=source.get("duration_minutes", 0),
        download_count=source.get("download_count", 0),
        score=raw.get("_score"),
        facets=source.get("facet_terms", {}),
        highlights=highlights,
    )


class ElasticsearchBackend:
    name = "elasticsearch"
    fuzzy = True  # multi_match with fuzziness AUTO

    def __init__(self, client: Elasticsearch, alias: str | None = None):
        self.client = client
        self.alias = alias or alias_name()

    @classmethod
    def for_url(cls, url: str) -> ElasticsearchBackend:
        return cls(_client(url))

    def search(self, params: SearchParams) -> SearchResults:
        response = self.client.search(index=self.alias, **build_search(params, self.alias).to_dict())
        body = response.body
        return SearchResults(
            params=params,
            total=body["hits"]["total"]["value"],
            hits=[parse_hit(raw) for raw in body["hits"]["hits"]],
            facets=parse_facets(body.get("aggregations", {}), params.filters),
            backend=self.name,
        )

    def suggest(self, q: str, limit: int = 8) -> list[Suggestion]:
        response = self.client.search(index=self.alias, **build_suggest(q, limit, self.alias).to_dict()).body
        return [
            Suggestion(
                id=int(option["_id"]), title=option["_source"]["title"], url=option["_source"].get("url", "")
            )
            for option in response["suggest"]["titles"][0]["options"]
        ]

    def spell(self, q: str) -> str | None:
        return parse_spell(self.client.search(index=self.alias, **build_spell(q, self.alias).to_dict()).body)

    def similar(self, page_id: int, limit: int) -> list[int] | None:
        found = self.client.options(ignore_status=404).get(
            index=self.alias, id=str(page_id), source_includes=list(SIMILAR_FACET_BOOSTS)
        )
        if not found.body.get("found"):
            return None
        facets = found.body["_source"]
        request = build_similar(page_id, facets, limit, self.alias).to_dict()
        hits = self.client.search(index=self.alias, **request).body["hits"]["hits"]
        return [int(hit["_id"]) for hit in hits]

    def _actions(self, materials, index: str):
        synonyms = synonym_groups()
        for material in materials:
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": material.page_id,
                "_source": material_to_source(material, synonyms),
            }

    def index(self, materials: list) -> None:
        if materials:
            bulk(self.client, self._actions(materials, self.alias), refresh=False)

    def delete(self, page_ids: list[int]) -> None:
        if page_ids:
            actions = ({"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in page_ids)
            bulk(self.client, actions, raise_on_error=False)

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    def rebuild(self) -> int:
        """Build a new versioned index, bulk-fill it, swap the alias, drop the old indices."""
        new_name = f"{self.alias}-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}"
        index = build_index(new_name, [list(map(" ".join, group)) for group in synonym_groups()])
        index.create(using=self.client)
        count = 0

        def actions():
            nonlocal count
            for material in iter_materials():
                count += 1
                yield from self._actions([material], new_name)

        bulk(self.client, actions(), chunk_size=500)
        self.client.indices.refresh(index=new_name)
        old = list(self.client.indices.get_alias(name=self.alias, ignore_unavailable=True).body)
        operations = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        operations.append({"add": {"index": new_name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=operations)
        for name in old:
            self.client.indices.delete(index=name, ignore_unavailable=True)
        return count


@cache
def _client(url: str) -> Elasticsearch:
    # No retries: a down cluster must fail fast so the database backend can answer.
    return Elasticsearch(url, request_timeout=3, max_retries=0, retry_on_timeout=False)
