"""Through the real Wagtail admin: an editor writes and submits news, a moderator approves, it goes live."""

import pytest

from cms.editorial.roles import Role
from cms.editorial.workflows import setup_workflows
from tests.editorial.factories import user_in_role
from tests.factories import RegionSite

PASSWORD = "geheim-wachtwoord"


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/")


def click_hidden(page, selector: str) -> None:
    """Footer actions sit in a dropdown; HTMLElement.click() triggers them like a user would."""
    page.locator(selector).first.wait_for(state="attached")
    page.evaluate(f"document.querySelector('{selector}').click()")


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_editor_submits_news_moderator_approves_and_it_is_published(live_server, page, client):
    from wagtail.models import Page, Site

    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    region = RegionSite()  # is_default_site: serves live_server's host:port too
    setup_workflows()
    user_in_role(Role.COMMUNICATIE, region.region, username="communicatie")
    user_in_role(Role.EINDREDACTIE, region.region, username="eindredactie")
    base = live_server.url

    login(page, base, "communicatie")
    page.goto(f"{base}/admin/pages/add/pages/newsarticlepage/{region.news.pk}/")
    page.fill("#id_title", "Leerlingen bouwen een zonneauto")
    page.fill("#id_intro", "Groep 8 van De Klimop won de Young Solar Challenge.")
    page.evaluate("document.querySelector('#id_slug').value = 'leerlingen-bouwen-een-zonneauto'")
    with page.expect_navigation():
        click_hidden(page, 'button[name="action-submit"]')
    page.wait_for_load_state()
    errors = page.locator(".messages .error, .error-message").all_inner_texts()
    assert not errors, errors

    from cms.pages.models import NewsArticlePage

    article = NewsArticlePage.objects.get(title="Leerlingen bouwen een zonneauto")
    assert not article.live
    assert article.current_workflow_state is not None
    assert client.get(f"/api/v3/news/{article.pk}/").status_code == 404

    page.context.clear_cookies()
    login(page, base, "eindredactie")
    # The dashboard's "awaiting your review" panel: approve without a comment.
    page.goto(f"{base}/admin/")
    with page.expect_navigation():
        click_hidden(page, '[data-workflow-action-url*="/approve/"]:not([data-launch-modal])')

    article.refresh_from_db()
    assert article.live, page.locator(".messages, .error-message, .help-critical").all_inner_texts()
    page.context.clear_cookies()
    page.goto(f"{base}{article.url}")
    assert page.locator("h1").first.inner_text() == "Leerlingen bouwen een zonneauto"
    response = page.request.get(f"{base}/api/v3/news/")
    assert article.pk in [item["id"] for item in response.json()["items"]]
