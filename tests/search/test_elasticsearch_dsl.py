"""The Elasticsearch backend's requests and mappings, asserted on the generated DSL (no cluster needed)."""

import pytest

from search.backends.base import SearchParams
from search.backends.elasticsearch import (
    build_search,
    build_similar,
    build_spell,
    build_suggest,
    parse_facets,
    parse_hit,
    parse_spell,
)
from search.documents import build_index, material_to_source, suggest_inputs
from search.materials import FacetTerm, MaterialData


def body(**kwargs):
    return build_search(SearchParams(**kwargs).validate(), "alias").to_dict()


def test_query_boosts_title_over_summary_over_body_over_attachments_with_fuzziness():
    match = body(q="bruggen bouwen")["query"]["multi_match"]
    assert match["fields"] == ["title^4", "summary^3", "body^2", "attachments"]
    assert match["fuzziness"] == "AUTO"
    assert match["operator"] == "and"


def test_without_query_there_is_no_match_clause_and_newest_first():
    request = body()
    assert "query" not in request
    assert request["sort"] == [{"published_at": {"order": "desc"}}]


def test_filters_are_post_filters_and_each_facet_aggregation_ignores_its_own_selection():
    request = body(filters={"theme": ["energie"], "duration": ["lt30", "30-60"]})
    assert request["post_filter"] == {
        "bool": {"filter": [{"terms": {"theme": ["energie"]}}, {"terms": {"duration": ["30-60", "lt30"]}}]}
    }
    assert request["aggs"]["facet_theme"]["filter"] == {
        "bool": {"filter": [{"terms": {"duration": ["30-60", "lt30"]}}]}
    }
    assert (
        request["aggs"]["facet_licence"]["filter"]["bool"]["filter"]
        == request["post_filter"]["bool"]["filter"]
    )
    assert request["aggs"]["facet_region"]["aggs"]["values"]["terms"]["field"] == "region_bucket"


def test_highlight_sort_paging_and_total():
    request = body(q="magneet", sort="downloads", page=3, page_size=10)
    assert request["highlight"]["pre_tags"] == ["<mark>"]
    assert set(request["highlight"]["fields"]) == {"title", "summary", "body", "attachments"}
    assert request["sort"][0] == {"download_count": {"order": "desc"}}
    assert (request["from"], request["size"]) == (20, 10)
    assert request["track_total_hits"] is True


@pytest.mark.parametrize(
    ("sort", "first"), [("relevance", "_score"), ("title", {"title.raw": {"order": "asc"}})]
)
def test_sort_orders(sort, first):
    assert body(q="x", sort=sort)["sort"][0] == first


def test_suggest_uses_fuzzy_completion():
    request = build_suggest("spagh", 5, "alias").to_dict()
    completion = request["suggest"]["titles"]["completion"]
    assert request["suggest"]["titles"]["prefix"] == "spagh"
    assert completion == {
        "field": "suggest",
        "size": 5,
        "skip_duplicates": True,
        "fuzzy": {"fuzziness": "AUTO"},
    }


def test_index_has_dutch_analysis_with_editor_synonyms_at_search_time():
    settings = build_index("databank-1", [["microbit", "micro:bit"]]).to_dict()
    analysis = settings["settings"]["analysis"]
    assert analysis["analyzer"]["dutch_index"]["filter"] == [
        "lowercase",
        "asciifolding",
        "dutch_compounds",
        "dutch_stop",
        "dutch_stemmer",
    ]
    compounds = analysis["filter"]["dutch_compounds"]
    assert compounds["type"] == "dictionary_decompounder"
    assert {"paneel", "panelen", "molen", "raket"} <= set(compounds["word_list"])
    assert compounds["min_subword_size"] == 3
    assert "dutch_synonyms" in analysis["analyzer"]["dutch_search"]["filter"]
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["dutch_stop"]["stopwords"] == "_dutch_"
    assert analysis["filter"]["dutch_synonyms"]["type"] == "synonym_graph"
    assert analysis["filter"]["dutch_synonyms"]["synonyms"] == ["microbit, micro:bit"]
    properties = settings["mappings"]["properties"]
    assert properties["title"]["analyzer"] == "dutch_index"
    assert properties["title"]["search_analyzer"] == "dutch_search"
    assert properties["suggest"]["type"] == "completion"
    assert properties["target_group"] == {"type": "keyword"}
    assert properties["facet_terms"] == {"type": "object", "enabled": False}


def test_document_source_carries_facets_for_filters_and_labelled_buckets():
    material = MaterialData(
        page_id=7,
        title="De hoogste spaghettitoren",
        summary="s",
        body="b",
        attachment_text="a",
        url="/x/",
        published_at=None,
        duration_minutes=45,
        facets={"theme": [FacetTerm("constructies", "Constructies", 2)]},
    )
    source = material_to_source(material)
    assert source["theme"] == ["constructies"]
    assert source["theme_bucket"] == ["constructies\x1fConstructies\x1f2"]
    assert source["suggest"]["input"] == suggest_inputs("De hoogste spaghettitoren")
    assert "spaghettitoren" in source["suggest"]["input"]


def test_parsing_a_response_gives_the_contract_shape():
    facets = parse_facets(
        {
            "facet_theme": {
                "values": {
                    "buckets": [
                        {"key": "b\x1fB\x1f2", "doc_count": 1},
                        {"key": "a\x1fA\x1f1", "doc_count": 3},
                    ]
                }
            }
        },
        {"theme": ["b", "z"]},
    )
    assert [(f.value, f.count, f.selected) for f in facets["theme"]] == [
        ("a", 3, False),
        ("b", 1, True),
        ("z", 0, True),
    ]
    hit = parse_hit(
        {
            "_id": "7",
            "_score": 1.5,
            "_source": {"title": "T", "published_at": "2026-01-02T10:00:00+00:00"},
            "highlight": {"summary": ["een <mark>brug</mark>"]},
        }
    )
    assert (hit.id, hit.highlights["summary"], hit.published_at.year) == (7, "een <mark>brug</mark>", 2026)


def test_spelling_uses_a_collated_phrase_suggester_over_the_kits_own_words():
    request = build_spell("spagetti torren", "alias").to_dict()
    assert request["size"] == 0
    entry = request["suggest"]["did_you_mean"]
    assert entry["text"] == "spagetti torren"
    phrase = entry["phrase"]
    assert phrase["field"] == "spelling.shingles"
    assert phrase["direct_generator"] == [
        {
            "field": "spelling",
            "suggest_mode": "missing",
            "min_word_length": 3,
            "prefix_length": 1,
            "max_edits": 2,
        }
    ]
    assert phrase["collate"]["query"]["source"]["match"]["spelling"]["query"] == "{{suggestion}}"
    assert phrase["collate"]["prune"] is False


def test_parse_spell_takes_the_best_collated_option():
    response = {"suggest": {"did_you_mean": [{"text": "spagetti", "options": [{"text": "spaghetti"}]}]}}
    assert parse_spell(response) == "spaghetti"
    assert parse_spell({"suggest": {"did_you_mean": [{"text": "brug", "options": []}]}}) is None


def test_similar_is_more_like_this_plus_shared_terms_never_the_kit_itself():
    request = build_similar(
        7, {"theme": ["constructies"], "target_group": [], "region": ["x"]}, 12, "alias"
    ).to_dict()
    query = request["query"]["bool"]
    mlt = query["should"][0]["more_like_this"]
    assert mlt["like"] == [{"_index": "alias", "_id": "7"}]
    assert mlt["fields"] == ["title", "summary", "body"]
    assert query["should"][1] == {"terms": {"theme": ["constructies"], "boost": 3.0}}
    assert len(query["should"]) == 2  # empty and unweighted facets add nothing
    assert query["must_not"] == [{"ids": {"values": ["7"]}}]
    assert query["minimum_should_match"] == 1
    assert (request["size"], request["_source"]) == (12, False)


def test_spelling_field_holds_titles_summaries_and_taxonomy_labels():
    material = MaterialData(
        page_id=7,
        title="Bruggen bouwen",
        summary="Van papier.",
        body="b",
        attachment_text="a",
        url="/x/",
        published_at=None,
        duration_minutes=45,
        facets={
            "theme": [FacetTerm("constructies", "Constructies")],
            "licence": [FacetTerm("cc-by-4.0", "CC BY 4.0")],
        },
    )
    assert material_to_source(material)["spelling"].split("\n") == [
        "Bruggen bouwen",
        "Van papier.",
        "Constructies",
    ]
    synonyms = [[("microbit",), ("micro", "bit")], [("brug",), ("viaduct",)], [("papier",), ("karton",)]]
    assert material_to_source(material, synonyms)["spelling"].split("\n")[3:] == ["viaduct", "karton"]
    properties = build_index("databank-1", []).to_dict()["mappings"]["properties"]
    assert properties["spelling"]["analyzer"] == "spelling"
    assert properties["spelling"]["fields"]["shingles"]["analyzer"] == "spelling_shingle"
    assert "spelling" in body(q="x")["_source"]["excludes"]
