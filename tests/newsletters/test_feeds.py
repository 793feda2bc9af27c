"""News feeds: RSS and Atom per site (region), only published public articles."""

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import NewsArticlePageFactory, RegionSite

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(region_site):
    published = NewsArticlePageFactory(parent=region_site.news, title="Zonneauto gebouwd")
    published.tags.add("energie")
    published.save_revision().publish()
    NewsArticlePageFactory(parent=region_site.news, title="Concept", live=False)
    private = NewsArticlePageFactory(parent=region_site.news, title="Alleen intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    other = RegionSite(hostname="andere.example.org", is_default=False)
    NewsArticlePageFactory(parent=other.news, title="Nieuws uit een andere regio")
    return published


@pytest.mark.parametrize("path", ["/feeds/nieuws/rss/", "/feeds/nieuws/atom/"])
def test_feed_lists_only_published_public_articles_of_this_region(client, articles, path):
    response = client.get(path)

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Zonneauto gebouwd"]
    entry = feed.entries[0]
    assert entry.link == articles.get_full_url()
    assert [tag.term for tag in entry.tags] == ["energie"]


def test_atom_and_rss_have_their_content_types(client, articles):
    assert "application/rss+xml" in client.get("/feeds/nieuws/rss/")["Content-Type"]
    assert "application/atom+xml" in client.get("/feeds/nieuws/atom/")["Content-Type"]


def test_other_site_gets_its_own_news(client, articles):
    response = client.get("/feeds/nieuws/rss/", HTTP_HOST="andere.example.org")

    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["Nieuws uit een andere regio"]


def test_feed_query_count_does_not_grow_with_articles(client, region_site, django_assert_max_num_queries):
    for _ in range(15):
        NewsArticlePageFactory(parent=region_site.news)

    with django_assert_max_num_queries(12):
        response = client.get("/feeds/nieuws/rss/")

    assert len(feedparser.parse(response.content).entries) == 15
