"""API hardening across /api/v3/: CORS, one error format, caching headers, pagination limits."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.signals import got_request_exception
from django.test import RequestFactory, override_settings
from wagtail.api.v3.api import api

from cms.api.errors import APIError
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db
NEWS = "/api/v3/news/"
ORIGIN = "https://front.example.org"


@pytest.fixture
def cors_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    return ORIGIN


# --- CORS ---------------------------------------------------------------------------------------


def test_cors_allows_the_configured_origin_on_the_api(client, region_site, cors_origin):
    response = client.get(NEWS, headers={"Origin": cors_origin})
    assert response["Access-Control-Allow-Origin"] == cors_origin


def test_cors_preflight_for_the_configured_origin(client, cors_origin):
    response = client.options(NEWS, headers={"Origin": cors_origin, "Access-Control-Request-Method": "GET"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == cors_origin
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_cors_refuses_other_origins(client, region_site, cors_origin):
    response = client.get(NEWS, headers={"Origin": "https://evil.example.com"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_cors_headers_only_under_api(client, region_site, cors_origin):
    response = client.get("/", headers={"Origin": cors_origin})
    assert "Access-Control-Allow-Origin" not in response


def test_cors_origins_come_from_the_environment(monkeypatch):
    import importlib

    import cms.settings.base as base

    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", "https://a.example.org, https://b.example.org")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.CORS_ALLOWED_ORIGINS == ["https://a.example.org", "https://b.example.org"]
        assert reloaded.CORS_URLS_REGEX == r"^/api/.*$"
    finally:
        monkeypatch.delenv("CORS_ALLOWED_ORIGINS")
        importlib.reload(base)


# --- caching headers ------------------------------------------------------------------------------


def test_anonymous_read_is_publicly_cacheable_with_etag(client, region_site):
    NewsArticlePageFactory(parent=region_site.news)
    response = client.get(NEWS)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"]
    assert "Accept-Language" in response["Vary"]
    assert "Cookie" not in response.get("Vary", "")


def test_matching_etag_answers_304_and_changed_content_200(client, region_site):
    article = NewsArticlePageFactory(parent=region_site.news, title="Eerste")
    etag = client.get(NEWS)["ETag"]

    not_modified = client.get(NEWS, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag

    article.title = "Gewijzigd"
    article.save_revision().publish()
    changed = client.get(NEWS, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_head_is_answered_like_get(client, region_site):
    get = client.get(NEWS)
    head = client.head(NEWS)
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert head["Cache-Control"] == "public, max-age=60"
    assert head.content == b""


def test_authenticated_reads_are_never_cached(client, region_site):
    response = client.get(NEWS, headers={"Authorization": "Bearer not-a-real-token"})
    assert "public" not in response.get("Cache-Control", "")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_session_user_reads_are_never_cached(client, region_site):
    user = get_user_model().objects.create_user("redacteur", password="x")
    client.force_login(user)
    response = client.get(NEWS)
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_errors_and_non_api_pages_get_no_public_caching(client, region_site):
    assert "Cache-Control" not in client.get(f"{NEWS}999999/")
    assert "ETag" not in client.get(f"{NEWS}999999/")
    assert "public" not in client.get("/").get("Cache-Control", "")


def test_unsafe_methods_get_no_cache_headers(client):
    response = client.post("/api/v3/geo/", {})
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


@override_settings(API_CACHE_MAX_AGE=300)
def test_max_age_comes_from_setting(client, region_site):
    assert client.get(NEWS)["Cache-Control"] == "public, max-age=300"


# --- one error format -----------------------------------------------------------------------------


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == status
    assert body["title"]
    assert "type" in body
    return body


def test_unknown_api_path_is_a_problem_404(client, region_site):
    body = assert_problem(client.get("/api/v3/bestaat-niet/"), 404)
    assert body["detail"] == "Niet gevonden"


def test_unknown_object_is_a_problem_404(client, region_site):
    assert_problem(client.get(f"{NEWS}999999/"), 404)


def test_wrong_method_is_a_problem_405_with_allow(client):
    response = client.delete("/api/v3/geo/")
    body = assert_problem(response, 405)
    assert body["detail"] == "Methode niet toegestaan"


def test_bad_query_is_a_problem_422(client):
    body = assert_problem(client.get(NEWS, {"limit": "veel"}), 422)
    assert body["errors"][0]["loc"] == ["query", "limit"]


def test_limit_above_the_maximum_is_a_problem_400(client, settings):
    assert settings.WAGTAILAPI_LIMIT_MAX == 100
    body = assert_problem(client.get(NEWS, {"limit": 101}), 400)
    assert "100" in body["detail"]
    assert client.get(NEWS, {"limit": 100}).status_code == 200


@pytest.mark.parametrize("path", ["/api/v3/news/", "/api/v3/pages/", "/api/v3/partner-offers/"])
def test_every_list_enforces_the_limit_maximum(client, region_site, path):
    assert client.get(path, {"limit": 101}).status_code == 400


def test_api_error_is_a_problem_with_its_status():
    request = RequestFactory().get("/api/v3/x/")
    response = api.on_exception(request, APIError(409, "Vol", errors=[{"msg": "geen plaats"}]))
    body = assert_problem(response, 409)
    assert body["detail"] == "Vol"
    assert body["errors"] == [{"msg": "geen plaats"}]


def test_unhandled_error_is_a_problem_500_without_internals_and_is_reported():
    request = RequestFactory().get("/api/v3/x/")
    reported = []

    def receiver(**kwargs):
        reported.append(kwargs["request"])

    got_request_exception.connect(receiver)
    try:
        response = api.on_exception(request, RuntimeError("secret internal detail"))
    finally:
        got_request_exception.disconnect(receiver)
    body = assert_problem(response, 500)
    assert "secret" not in body["detail"]
    assert reported == [request]


# --- values the database cannot hold (found by schemathesis) --------------------------------------


@pytest.mark.parametrize("param", ["offset", "limit"])
@pytest.mark.parametrize("path", ["/api/v3/lessonkits/", "/api/v3/partner-offers/", "/api/v3/pages/"])
def test_pagination_beyond_64_bits_is_a_problem_422(client, region_site, path, param):
    response = client.get(path, {param: "140236568566841229312"})
    body = assert_problem(response, 422)
    assert body["errors"][0]["loc"] == ["query", param]
    assert body["errors"][0]["msg"] == "Waarde is te groot."


@pytest.mark.parametrize("path", ["/api/v3/challenges/", "/api/v3/news/", "/api/v3/partner-offers/"])
def test_ids_beyond_64_bits_are_a_problem_422(client, region_site, path):
    assert_problem(client.get(f"{path}-36294763669398604480512/"), 422)
    assert_problem(client.get(f"{path}36294763669398604480512/"), 422)
