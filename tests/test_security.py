"""The public site's Content-Security-Policy (cms/security.py)."""

import pytest

from tests.newsletters.factories import NewsletterArchivePageFactory, NewsletterPageFactory

pytestmark = pytest.mark.django_db


def test_public_pages_allow_only_our_own_origin_and_nothing_inline(client, region_site):
    policy = client.get(region_site.home.url)["Content-Security-Policy"]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    assert "unsafe" not in policy


def test_the_api_and_error_pages_carry_it_too(client, region_site):
    assert "Content-Security-Policy" in client.get("/api/v3/news/")
    assert "Content-Security-Policy" in client.get("/bestaat-niet/")


def test_the_admin_is_left_out(admin_client, region_site):
    assert "Content-Security-Policy" not in admin_client.get("/admin/")


def test_the_web_version_of_a_newsletter_keeps_its_inline_styles_and_nothing_more(client, region_site):
    newsletter = NewsletterPageFactory(parent=NewsletterArchivePageFactory(parent=region_site.home))
    policy = client.get(newsletter.url)["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self';" in policy


def test_the_policy_can_be_switched_off(client, region_site, settings):
    settings.CONTENT_SECURITY_POLICY = {}
    assert "Content-Security-Policy" not in client.get(region_site.home.url)
