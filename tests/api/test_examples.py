"""Every operation of our own endpoints shows examples in the OpenAPI document, and they are right.

Each request body and each response with a body has an example, and each example validates
against the schema next to it, with unknown properties refused, so an example cannot drift from
what the endpoint really accepts and answers.
"""

import copy
import functools
import json

import jsonschema_rs
import pytest
from django.test import Client

from cms.api.routers import registered_prefixes


@functools.cache
def _document():
    response = Client().get("/api/v3/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def _strict(schema):
    """A copy of ``schema`` where objects with declared properties refuse others."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


@functools.cache
def _components():
    return _strict(_document()["components"])


def _own_media():
    """(label, media type object) of every request body and response body of our endpoints."""
    prefixes = tuple(f"/api/v3{prefix}" for prefix in registered_prefixes())
    for path, item in _document()["paths"].items():
        if not path.startswith(prefixes):
            continue
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            op_id = operation["operationId"]
            for media_type, media in operation.get("requestBody", {}).get("content", {}).items():
                yield f"{op_id} request {media_type}", media
            for status, response in operation["responses"].items():
                for media_type, media in response.get("content", {}).items():
                    yield f"{op_id} {status} {media_type}", media


def _media_params():
    from django.db import connection

    # The document is built without touching the database; the cache keeps it for all params.
    assert connection.vendor
    return [pytest.param(media, id=label) for label, media in _own_media()]


@pytest.mark.parametrize("media", _media_params())
def test_example_is_present_and_matches_its_schema(media):
    assert "example" in media, "no example"
    validator = jsonschema_rs.Draft202012Validator({**_strict(media["schema"]), "components": _components()})
    errors = [str(error).split("\n")[0] for error in validator.iter_errors(media["example"])]
    assert not errors, errors


def test_the_walk_covers_requests_and_responses_of_our_endpoints():
    labels = {label for label, _media in _own_media()}
    assert "bookings_create request application/json" in labels
    assert "bookings_create 409 application/problem+json" in labels
    assert "news_list 200 application/json" in labels
    assert not any(label.startswith(("pages_", "images_", "documents_")) for label in labels)


def test_problem_responses_without_an_example_of_their_own_get_a_generic_one():
    news_detail = _document()["paths"]["/api/v3/news/{page_id}/"]["get"]
    example = news_detail["responses"]["404"]["content"]["application/problem+json"]["example"]
    assert example == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "Niet gevonden.",
        "code": "not_found",
    }
