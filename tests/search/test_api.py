"""GET /api/v3/databank/search and /suggest: happy path, bad input, query count, schema."""

import pytest

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
