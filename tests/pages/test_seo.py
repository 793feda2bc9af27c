"""What search engines and social media see: canonical URL, Open Graph tags, robots.txt, sitemap."""

import pytest

from tests.factories import NewsArticlePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_news_article_has_canonical_and_open_graph_tags(client, region_site):
    article = NewsArticlePageFactory(
        parent=region_site.news, title="Zonneboten op de vijver", listing_summary="Groep 7 bouwde zonneboten."
    )
    html = client.get(article.url).content.decode()
    url = article.get_full_url()
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Zonneboten op de vijver">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:description" content="Groep 7 bouwde zonneboten.">' in html


def test_a_page_without_a_listing_summary_is_described_by_its_introduction(client, region_site):
    page = StandardPageFactory(
        parent=region_site.home,
        title="Over ons",
        intro="Wij brengen scholen en bedrijven samen.",
        listing_summary="",
    )
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="Wij brengen scholen en bedrijven samen.">' in html
    assert '<meta property="og:description" content="Wij brengen scholen en bedrijven samen.">' in html


def test_other_pages_are_websites_for_open_graph(client, region_site):
    html = client.get(region_site.home.url).content.decode()
    assert '<meta property="og:type" content="website">' in html


def test_robots_txt_keeps_crawlers_out_of_personal_links_and_points_to_the_sitemap(client, region_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for path in ("/admin/", "/boeken/annuleren/", "/nieuwsbrief/afmelden/", "/databank/download/"):
        assert f"Disallow: {path}" in text
    assert "Disallow: /nieuwsbrief/\n" not in text, "the public newsletter archive stays crawlable"
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert client.get("/sitemap.xml").status_code == 200
