"""Every page type renders for visitors; drafts and private pages do not."""

import pytest
import wagtail_factories
from wagtail.models import PageViewRestriction

from cms.pages.models import LessonKitDownload
from tests.factories import (
    ChallengePageFactory,
    EventPageFactory,
    LessonKitPageFactory,
    NewsArticlePageFactory,
    StandardPageFactory,
    TechniekhuisPageFactory,
)

pytestmark = pytest.mark.django_db


def test_every_page_type_renders(client, region_site):
    pages = [
        region_site.home,
        region_site.news,
        region_site.techniekhuizen,
        region_site.challenges,
        region_site.events,
        region_site.databank,
        StandardPageFactory(parent=region_site.home, title="Over ons"),
        NewsArticlePageFactory(parent=region_site.news, title="Zonnebootrace gewonnen"),
        TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Techniekhuis op Zuid"),
        LessonKitPageFactory(parent=region_site.databank, title="Bruggen bouwen"),
        ChallengePageFactory(parent=region_site.challenges, title="Young Solar Challenge"),
        EventPageFactory(parent=region_site.events, title="Leernetwerk decanen"),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


def test_home_page_shows_latest_news(client, region_site):
    NewsArticlePageFactory(parent=region_site.news, title="Nieuwe techniekbus rijdt uit")
    assert "Nieuwe techniekbus rijdt uit" in client.get("/").content.decode()


def test_a_card_without_a_listing_summary_shows_the_pages_introduction(client, region_site):
    StandardPageFactory(
        parent=region_site.home,
        title="Over ons",
        show_in_menus=True,
        intro="Wij brengen scholen en bedrijven samen.",
        listing_summary="",
    )
    html = client.get("/").content.decode()
    card = html.split(">Over ons</a>", 1)[1].split("</article>", 1)[0]
    assert '<p class="card__summary">Wij brengen scholen en bedrijven samen.</p>' in card


def test_index_pages_list_only_live_children(client, region_site):
    NewsArticlePageFactory(parent=region_site.news, title="Gepubliceerd bericht")
    NewsArticlePageFactory(parent=region_site.news, title="Concept bericht", live=False)
    html = client.get(region_site.news.url).content.decode()
    assert "Gepubliceerd bericht" in html
    assert "Concept bericht" not in html


def test_draft_page_is_not_served(client, region_site):
    draft = LessonKitPageFactory(parent=region_site.databank, live=False)
    assert client.get(f"{region_site.databank.url}{draft.slug}/").status_code == 404


def test_private_page_asks_for_login(client, region_site):
    kit = LessonKitPageFactory(parent=region_site.databank)
    PageViewRestriction.objects.create(page=kit, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(kit.url)
    assert response.status_code == 302
    assert kit.title not in response.content.decode()


def test_lesson_kit_page_queries_do_not_grow_with_downloads(
    client, region_site, django_assert_max_num_queries
):
    kit = LessonKitPageFactory(parent=region_site.databank)
    for n in range(6):
        LessonKitDownload.objects.create(
            page=kit, document=wagtail_factories.DocumentFactory(title=f"Werkblad {n}"), kind="worksheet"
        )
    client.get(kit.url)  # warm site-root caches
    with django_assert_max_num_queries(25):
        html = client.get(kit.url).content.decode()
    assert html.count("Werkblad") >= 6


@pytest.mark.parametrize("name", ["home", "events", "databank"])
def test_pages_render_where_the_apps_they_link_to_are_not_routed(client, region_site, settings, name):
    """The databank page links to the search page only where the project routes ``search``."""
    page = getattr(region_site, name)
    settings.ROOT_URLCONF = "tests.pages.urls_without_apps"
    response = client.get(page.url)
    assert response.status_code == 200
    assert "/databank/zoeken/" not in response.content.decode()


def test_a_kit_lists_each_download_with_its_kind_type_and_size(client, region_site):
    kit = LessonKitPageFactory(parent=region_site.databank)
    plan = wagtail_factories.DocumentFactory(
        title="Lesplan", file__filename="lesplan.pdf", file__data=b"%PDF-1.4 " + b"x" * 24_000
    )
    manual = wagtail_factories.DocumentFactory(
        title="Handleiding voor de juf", file__filename="handleiding.pdf", file__data=b"%PDF" * 10
    )
    LessonKitDownload.objects.create(page=kit, document=plan, kind="lesson_plan", sort_order=0)
    LessonKitDownload.objects.create(page=kit, document=manual, kind="teacher_manual", sort_order=1)

    html = client.get(kit.url).content.decode()

    metas = [part.split("</span>", 1)[0] for part in html.split('class="downloads__meta">')[1:]]
    assert metas == ["PDF, 23,4\xa0KB", "Docentenhandleiding &middot; PDF, 40\xa0bytes"]
