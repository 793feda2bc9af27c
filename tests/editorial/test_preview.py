import pytest
from wagtail.models import Comment

from cms.editorial.preview import make_preview_token
from cms.editorial.roles import Role
from tests.api.problems import assert_problem
from tests.factories import NewsArticlePageFactory

from .factories import user_in_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(tree):
    article = NewsArticlePageFactory(parent=tree.a.news, live=False, title="Conceptbericht")
    article.title = "Conceptbericht, tweede versie"
    article.save_revision()
    return article


def test_token_shows_the_latest_draft_to_a_headless_front_end(draft, client, django_assert_max_num_queries):
    token = make_preview_token(draft)
    with django_assert_max_num_queries(6):
        response = client.get("/api/v3/preview/", {"token": token})
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Conceptbericht, tweede versie"
    assert body["type"] == "pages.NewsArticlePage"
    assert client.get(f"/api/v3/news/{draft.pk}/").status_code == 404


def test_expired_or_tampered_tokens_are_refused_in_dutch(draft, client, settings):
    token = make_preview_token(draft)
    tampered = client.get("/api/v3/preview/", {"token": token[:-2] + "xx"})
    assert "verlopen" in assert_problem(tampered, 403)["detail"]
    settings.EDITORIAL_PREVIEW_TOKEN_MAX_AGE = -1
    assert assert_problem(client.get("/api/v3/preview/", {"token": token}), 403)["code"] == "invalid_token"


def test_only_editors_who_may_edit_the_page_get_a_token(tree, draft, client):
    client.force_login(user_in_role(Role.COMMUNICATIE, tree.b.region))
    refused = client.get(f"/admin/editorial/preview-token/{draft.pk}/")
    assert refused.status_code in (302, 403)
    assert b"token" not in refused.content
    client.force_login(user_in_role(Role.COMMUNICATIE, tree.a.region))
    response = client.get(f"/admin/editorial/preview-token/{draft.pk}/")
    assert response.status_code == 200
    assert client.get(response.json()["url"]).json()["title"] == "Conceptbericht, tweede versie"


def test_the_edit_page_opens_the_draft_in_the_headless_front_end(tree, draft, client, settings):
    from urllib.parse import urlparse

    settings.HEADLESS_PREVIEW_URL = "https://voorbeeld.example/preview?token={token}"
    client.force_login(user_in_role(Role.COMMUNICATIE, tree.a.region))

    edit_page = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert f"/admin/editorial/preview-token/{draft.pk}/?open=1" in edit_page
    assert "Headless voorbeeld" in edit_page

    response = client.get(f"/admin/editorial/preview-token/{draft.pk}/?open=1")
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert (location.netloc, location.path) == ("voorbeeld.example", "/preview")
    token = location.query.removeprefix("token=")
    assert client.get("/api/v3/preview/", {"token": token}).json()["title"] == "Conceptbericht, tweede versie"


def test_without_a_front_end_there_is_no_button(tree, draft, client, settings):
    settings.HEADLESS_PREVIEW_URL = ""
    client.force_login(user_in_role(Role.COMMUNICATIE, tree.a.region))
    assert "?open=1" not in client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()


def test_a_preview_carries_no_internal_comments_and_is_never_cached(tree, draft, client):
    editor = user_in_role(Role.COMMUNICATIE, tree.a.region)
    draft.wagtail_admin_comments = [
        Comment(user=editor, text="Interne opmerking: eerst de ouders bellen", contentpath="title")
    ]
    draft.owner = editor
    draft.save_revision(user=editor)

    response = client.get("/api/v3/preview/", {"token": make_preview_token(draft)})

    assert response.status_code == 200
    content = response.json()["content"]
    assert "eerst de ouders bellen" not in response.content.decode()
    assert not {"wagtail_admin_comments", "comments", "owner", "locked_by"} & content.keys()
    assert content["title"] == "Conceptbericht, tweede versie"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
