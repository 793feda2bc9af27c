"""GET /api/v3/databank/search and /suggest: happy path, bad input, query count, schema."""

import pytest
from wagtail.models import PageViewRestriction

from tests.api.problems import assert_problem, error_fields, errors_at

pytestmark = pytest.mark.django_db


def test_search_returns_results_facets_highlights_and_total(client, databank, django_assert_max_num_queries):
    client.get("/api/v3/databank/search", {"q": "brug"})  # loads the facet bitmaps and the synonyms
    # Index token, one full-text statement, details of the page of hits, the search-log INSERT.
    with django_assert_max_num_queries(4):
        response = client.get("/api/v3/databank/search", {"q": "bouwen", "target_group": "po-groep-5-6"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["total"] == 1
    assert data["sort"] == "relevance"
    assert data["backend"] == "database"
    hit = data["results"][0]
    assert hit["title"] == "Bruggen bouwen van papier"
    assert "<mark>bouwen</mark>" in hit["highlights"]["title"]
    facets = {f["key"]: f for f in data["facets"]}
    assert facets["target_group"]["label"] == "Doelgroep"
    selected = [v for v in facets["target_group"]["values"] if v["selected"]]
    assert [(v["value"], v["count"]) for v in selected] == [("po-groep-5-6", 1)]


def test_repeated_filter_parameters_combine_with_or(client, databank):
    response = client.get("/api/v3/databank/search?theme=constructies&theme=programmeren&sort=title")
    assert [r["title"] for r in response.json()["results"]] == [
        "Bruggen bouwen van papier",
        "De hoogste spaghettitoren",
        "Lampjes programmeren met de micro:bit",
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page": "twee"}, "page"),
        ({"page": "0"}, "page"),
        ({"sort": "random"}, "sort"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_parameters_give_400_with_a_message_per_field(client, databank, params, field):
    data = assert_problem(client.get("/api/v3/databank/search", params), 400)
    assert data["detail"] == "Ongeldige zoekparameters."
    assert error_fields(data, "query") == {field}
    assert all(error["loc"][0] == "query" for error in data["errors"])


def test_error_messages_are_english_when_asked(client, databank):
    response = client.get("/api/v3/databank/search", {"page_size": "500"}, HTTP_ACCEPT_LANGUAGE="en")
    assert errors_at(assert_problem(response, 400), "query", "page_size") == [
        "The page size must be between 1 and 100."
    ]


def test_page_size_of_100_is_allowed(client, databank):
    assert client.get("/api/v3/databank/search", {"page_size": "100"}).status_code == 200


def test_suggest_completes_titles(client, databank, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/api/v3/databank/suggest", {"q": "zonne"})
    assert response.status_code == 200
    assert [s["title"] for s in response.json()] == ["Zonne-energie meten"]


def test_suggest_without_query_is_a_400(client, databank):
    data = assert_problem(client.get("/api/v3/databank/suggest", {"q": " "}), 400)
    assert error_fields(data, "query") == {"q"}


def test_endpoints_are_documented_in_openapi(client, db):
    schema = client.get("/api/v3/openapi.json").json()
    search = schema["paths"]["/api/v3/databank/search"]["get"]
    names = {p["name"] for p in search["parameters"]}
    assert {"q", "sort", "page", "page_size", "target_group", "theme", "duration", "licence"} <= names
    assert {"200", "400"} <= set(search["responses"])
    assert "/api/v3/databank/suggest" in schema["paths"]


def test_a_typo_answers_with_the_results_of_the_correction(client, databank):
    data = client.get("/api/v3/databank/search", {"q": "spagetti"}).json()
    assert (data["did_you_mean"], data["corrected"], data["total"]) == ("spaghetti", True, 1)
    assert data["results"][0]["title"] == "De hoogste spaghettitoren"
    assert "<mark>spaghetti</mark>" in data["results"][0]["highlights"]["summary"]


def test_a_correct_query_has_no_correction(client, databank):
    data = client.get("/api/v3/databank/search", {"q": "spaghetti"}).json()
    assert (data["did_you_mean"], data["corrected"]) == (None, False)


def test_a_corrected_search_costs_two_more_small_queries(client, databank, django_assert_max_num_queries):
    client.get("/api/v3/databank/search", {"q": "brug"})  # loads bitmaps, synonyms and the vocabulary
    # Per search (the typo's, then the correction's): index token and one full-text statement;
    # then the details of the page of hits, the editors' picks and one INSERT into the search log.
    with django_assert_max_num_queries(7):
        response = client.get("/api/v3/databank/search", {"q": "spagetti"})
    assert response.json()["corrected"] is True


def test_suggest_forgives_a_typo(client, databank):
    response = client.get("/api/v3/databank/suggest", {"q": "spagett"})
    assert [s["title"] for s in response.json()] == ["De hoogste spaghettitoren"]


# -- similar kits ------------------------------------------------------------------------------


def similar(client, kit_id):
    return client.get(f"/api/v3/databank/kits/{kit_id}/similar")


def test_similar_kits_of_a_kit(client, databank, django_assert_max_num_queries):
    kits = databank.kits
    similar(client, kits["zon"].pk)  # loads bitmaps and the vocabulary
    # Index token, the kit's row, one full-text statement, visibility of kit and candidates
    # (view restrictions + pages), details of the chosen kits.
    with django_assert_max_num_queries(6):
        response = similar(client, kits["brug"].pk)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data[0]["title"] == "De hoogste spaghettitoren"
    assert data[0]["url"].endswith("/de-hoogste-spaghettitoren/")
    assert {t["value"] for t in data[0]["facets"]["theme"]} == {"constructies"}
    returned = {kit["id"] for kit in data}
    assert 1 <= len(returned) <= 6
    assert kits["brug"].pk not in returned
    assert not returned & {kits[k].pk for k in ("draft", "private", "gone")}


def test_similar_kits_never_shows_a_kit_made_private_after_indexing(client, databank):
    toren = databank.kits["toren"]
    # A restriction saved without republishing: the index still holds the kit.
    PageViewRestriction.objects.create(page=toren, restriction_type=PageViewRestriction.LOGIN)
    returned = {kit["id"] for kit in similar(client, databank.kits["brug"].pk).json()}
    assert toren.pk not in returned
    assert similar(client, toren.pk).status_code == 404


@pytest.mark.parametrize("kit", ["draft", "private", "gone"])
def test_similar_kits_of_a_hidden_kit_is_404(client, databank, kit):
    assert_problem(similar(client, databank.kits[kit].pk), 404)


@pytest.mark.parametrize("kit_id", ["0", "abc", str(2**63)])
def test_similar_kits_with_a_bad_id_is_400(client, databank, kit_id):
    assert_problem(similar(client, kit_id), 400)


def test_similar_kits_of_an_unknown_id_is_404(client, databank):
    assert_problem(similar(client, 999_999), 404)


def test_similar_kits_and_corrections_are_documented(client, db):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/databank/kits/{kit_id}/similar"]["get"]
    assert {"200", "400", "404"} <= set(operation["responses"])
    example = operation["responses"]["200"]["content"]["application/json"]["example"]
    assert example[0]["title"] == "De hoogste spaghettitoren"
    assert operation["parameters"][0]["schema"]["minimum"] == 1
    search_schema = schema["paths"]["/api/v3/databank/search"]["get"]["responses"]["200"]
    ref = search_schema["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert {"did_you_mean", "corrected"} <= set(schema["components"]["schemas"][ref]["properties"])
