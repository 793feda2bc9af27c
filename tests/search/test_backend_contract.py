"""The contract every search backend honours, run against the database backend always and against
Elasticsearch when ``ELASTICSEARCH_URL`` is set (skipped with the reason otherwise)."""

import pytest

from search import services
from search.backends.base import SearchParams
from search.backends.database import DatabaseBackend

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, databank, synonyms):
    if request.param == "database":
        return DatabaseBackend()
    es = services.elasticsearch_backend()
    es.rebuild()
    es.refresh()
    return es


def run(backend, q="", **kwargs):
    return backend.search(SearchParams(q=q, **kwargs).validate())


def titles(results):
    return [hit.title for hit in results.hits]


def ids(results):
    return {hit.id for hit in results.hits}


def test_browsing_without_query_lists_every_public_kit_newest_first(backend, databank):
    results = run(backend)
    assert results.total == 5
    assert titles(results)[0] == "Richting vinden"  # first published last; republishing keeps the date
    assert ids(results) == {databank.kits[k].pk for k in ("brug", "toren", "zon", "microbit", "kompas")}


def test_dutch_stemming_bouwen_finds_inflected_forms(backend, databank):
    results = run(backend, "bouwen")
    assert databank.kits["brug"].pk in ids(results)


def test_dutch_stemming_finds_gebouwd(backend, databank):
    kit = databank.kits["toren"]
    kit.summary = "Een toren die de leerlingen zelf hebben gebouwd."
    kit.save_revision().publish()
    if backend.name == "elasticsearch":
        backend.refresh()
    assert kit.pk in ids(run(backend, "bouwen"))
    assert kit.pk in ids(run(backend, "bouw"))


@pytest.mark.parametrize("query", ["paneel", "panelen"])
def test_the_head_of_a_dutch_compound_finds_it(backend, databank, query):
    """The "zon" kit only says "zonnepaneel"."""
    assert ids(run(backend, query)) == {databank.kits["zon"].pk}


def test_synonyms_match_either_spelling(backend, databank):
    assert databank.kits["microbit"].pk in ids(run(backend, "microbit"))
    assert databank.kits["microbit"].pk in ids(run(backend, "micro bit lampje"))


def test_text_of_attached_pdf_is_found(backend, databank):
    results = run(backend, "kompasnaald")
    assert ids(results) == {databank.kits["kompas"].pk}
    assert "<mark>kompasnaald</mark>" in results.hits[0].highlights["attachments"]


def test_drafts_private_and_unpublished_kits_never_appear(backend, databank):
    hidden = {databank.kits[k].pk for k in ("draft", "private", "gone")}
    for q in ("", "bruggen", "brug bouwen", "geheime", "concept", "vroeger"):
        assert not ids(run(backend, q, page_size=100)) & hidden, q


def test_title_outranks_body(backend, databank):
    results = run(backend, "spaghettitoren")
    assert titles(results)[0] == "De hoogste spaghettitoren"


def test_all_words_must_match(backend, databank):
    assert run(backend, "zonnepaneel multimeter").total == 1
    assert run(backend, "zonnepaneel spaghetti").total == 0


def test_facet_counts_on_the_fixture(backend, databank):
    facets = {k: {v.value: v.count for v in values} for k, values in run(backend).facets.items()}
    assert facets["target_group"] == {"po-groep-5-6": 2, "po-groep-7-8": 3, "vmbo-onderbouw": 2}
    assert facets["theme"] == {"constructies": 2, "duurzame-energie": 2, "programmeren": 1}
    assert facets["tech_world"] == {"bouwen-wonen": 2, "ict-communicatie": 1}
    assert facets["core_goal"] == {"42": 1, "45": 2}
    assert facets["duration"] == {"lt30": 1, "30-60": 1, "60-120": 2, "gt120": 1}
    assert facets["material_kind"] == {"lesson_plan": 1, "worksheet": 2}
    assert facets["region"] == {databank.site.region.slug: 1}
    assert facets["partner"] == {"eneco": 1}
    assert facets["licence"] == {"cc-by-sa-4.0": 4, "cc-by-4.0": 1}


def test_facet_values_come_in_editor_order(backend, databank):
    values = [v.value for v in run(backend).facets["duration"]]
    assert values == ["lt30", "30-60", "60-120", "gt120"]


def test_filters_or_within_and_across_facets(backend, databank):
    po78_or_vmbo = run(backend, filters={"target_group": ["po-groep-7-8", "vmbo-onderbouw"]})
    assert po78_or_vmbo.total == 4
    with_theme = run(
        backend, filters={"target_group": ["po-groep-7-8", "vmbo-onderbouw"], "theme": ["constructies"]}
    )
    assert ids(with_theme) == {databank.kits["brug"].pk, databank.kits["toren"].pk}


def test_facet_counts_ignore_own_selection_but_reflect_other_filters(backend, databank):
    results = run(backend, filters={"theme": ["constructies"]})
    theme_counts = {v.value: (v.count, v.selected) for v in results.facets["theme"]}
    assert theme_counts["constructies"] == (2, True)
    assert theme_counts["duurzame-energie"] == (2, False)
    group_counts = {v.value: v.count for v in results.facets["target_group"]}
    assert group_counts == {"po-groep-5-6": 1, "po-groep-7-8": 2}


def test_query_and_filters_combine(backend, databank):
    results = run(backend, "leerlingen", filters={"duration": ["60-120"]})
    assert ids(results) == {databank.kits["brug"].pk, databank.kits["zon"].pk}


def test_sort_by_title(backend, databank):
    assert titles(run(backend, sort="title")) == sorted(titles(run(backend, sort="title")), key=str.lower)


def test_sort_by_downloads(backend, databank):
    services.record_download(databank.kits["zon"].pk, as_zip=True)
    services.record_download(databank.kits["zon"].pk, as_zip=False)
    services.record_download(databank.kits["toren"].pk, as_zip=False)
    if backend.name == "elasticsearch":
        services.index_pages([databank.kits["zon"].pk, databank.kits["toren"].pk])
        backend.refresh()
    assert titles(run(backend, sort="downloads"))[:2] == ["Zonne-energie meten", "De hoogste spaghettitoren"]


def test_pagination(backend, databank):
    first = run(backend, sort="title", page_size=2)
    third = run(backend, sort="title", page_size=2, page=3)
    assert (first.total, len(first.hits), len(third.hits), first.num_pages) == (5, 2, 1, 3)
    assert not ids(first) & ids(third)


def test_hits_carry_highlights_and_facets(backend, databank):
    hit = run(backend, "knikkers").hits[0]
    assert "<mark>knikkers</mark>" in hit.highlights["summary"]
    assert {t["value"] for t in hit.facets["target_group"]} == {"po-groep-5-6", "po-groep-7-8"}
    assert hit.url.endswith("/bruggen-bouwen-van-papier/")


def test_suggest_completes_the_last_word(backend, databank):
    assert [s.title for s in backend.suggest("spaghettit")] == ["De hoogste spaghettitoren"]
    assert [s.title for s in backend.suggest("zonne-ener")] == ["Zonne-energie meten"]
    assert [s.title for s in backend.suggest("bruggen v")] == ["Bruggen bouwen van papier"]
    assert backend.suggest("bruggen vroeg") == []  # only the unpublished kit has this title


def test_query_syntax_is_treated_as_words(backend, databank):
    for q in ('"', "brug OR", "NEAR(a b)", "title:brug", "-*", "brug' ; DROP TABLE x"):
        run(backend, q)


# -- forgiving search --------------------------------------------------------------------------


def corrected_search(backend, q, **kwargs):
    return services.search_with_correction(backend, SearchParams(q=q, **kwargs).validate())


def test_a_misspelled_word_gets_the_kits_word_and_its_results(backend, databank):
    original = run(backend, "spagetti")
    results = corrected_search(backend, "spagetti")
    assert results.did_you_mean == "spaghetti"
    assert ids(results) == {databank.kits["toren"].pk}
    # Results of the correction are flagged exactly when the typo itself found nothing.
    assert results.corrected is (original.total == 0)
    assert results.params.q == "spagetti"


def test_two_misspelled_words_are_corrected_together(backend, databank):
    results = corrected_search(backend, "spagetti marshmelows")
    assert results.did_you_mean == "spaghetti marshmallows"
    assert ids(results) == {databank.kits["toren"].pk}


def test_correct_queries_get_no_suggestion(backend, databank):
    for q in ("bruggen bouwen", "spaghetti", "zonnepaneel multimeter"):
        results = corrected_search(backend, q)
        assert (results.did_you_mean, results.corrected) == (None, False), q


def test_corrections_come_from_the_index_not_a_fixed_list(backend, databank):
    assert corrected_search(backend, "hydroliek").did_you_mean is None
    kit = databank.kits["kompas"]
    kit.summary = "Een les over hydrauliek en het noorden."
    kit.save_revision().publish()
    if backend.name == "elasticsearch":
        backend.refresh()
    results = corrected_search(backend, "hydroliek")
    assert results.did_you_mean == "hydrauliek"
    assert ids(results) == {kit.pk}


def test_words_of_hidden_kits_are_never_offered(backend, databank):
    """Only the private kit says "geheime"; a typo of it must not lead there."""
    results = corrected_search(backend, "geheimme")
    assert results.did_you_mean is None
    assert results.total == 0


def test_corrected_results_keep_the_filters(backend, databank):
    results = corrected_search(backend, "spagetti", filters={"target_group": ["vmbo-onderbouw"]})
    assert results.total == 0
    assert not results.corrected


def test_suggest_forgives_a_typo_in_the_prefix(backend, databank):
    assert [s.title for s in backend.suggest("spagett")] == ["De hoogste spaghettitoren"]
    assert [s.title for s in backend.suggest("brugen bouw")] == ["Bruggen bouwen van papier"]


# -- similar kits --------------------------------------------------------------------------------


def test_similar_kits_share_themes_worlds_goals_and_words(backend, databank):
    kits = databank.kits
    similar = backend.similar(kits["brug"].pk, 6)
    assert similar[0] == kits["toren"].pk  # same theme, world, core goal, target group
    assert kits["brug"].pk not in similar
    assert not set(similar) & {kits[k].pk for k in ("draft", "private", "gone")}


def test_similar_kits_of_a_kit_outside_the_index_is_none(backend, databank):
    assert backend.similar(databank.kits["draft"].pk, 6) is None
    assert backend.similar(databank.kits["private"].pk, 6) is None
