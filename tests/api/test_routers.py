"""The API's one OpenAPI document: it describes this product and is built once per process."""

import pytest
from django.utils import translation
from wagtail.api.v3.api import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def info(client) -> dict:
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()["info"]


def test_the_document_describes_this_product_not_wagtail(info):
    assert "Wagtail" not in info["title"]
    assert "Sterk Techniekonderwijs" in info["title"]
    assert info["version"] != "3.0.0"
    assert info["description"] != "Wagtail v3 read and write API"
    assert info["contact"]["name"]
    assert info["contact"]["url"].startswith("http")


def test_the_description_explains_the_dutch_domain_terms_and_the_language_rules(info):
    for term in ("techniekhuis", "leskist", "databank", "menukaart", "BRIN", "kerndoelen", "vmbo"):
        assert term in info["description"], term
    assert "Accept-Language" in info["description"]


def test_the_interactive_docs_carry_the_products_title(client):
    assert "Sterk Techniekonderwijs" in client.get("/api/v3/docs/").content.decode()


def test_the_document_is_built_once_per_language_not_per_request(client):
    client.get("/api/v3/openapi.json")
    with translation.override("nl"):
        dutch = api.get_openapi_schema()
        assert api.get_openapi_schema() is dutch
    with translation.override("en"):
        assert api.get_openapi_schema() is not dutch
