"""The news index filters by tag and by year (archive)."""

import datetime as dt

import pytest

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(region_site):
    NewsArticlePageFactory(parent=region_site.news, title="Oud bericht", date=dt.date(2024, 3, 1))
    new = NewsArticlePageFactory(parent=region_site.news, title="Nieuw bericht", date=dt.date(2025, 9, 1))
    new.tags.add("energie")
    new.save()
    NewsArticlePageFactory(
        parent=region_site.news, title="Concept 2023", date=dt.date(2023, 1, 1), live=False
    )
    return region_site.news


def titles(response) -> list[str]:
    return [a.title for a in response.context["articles"]]


def test_year_filter_and_available_years(client, news):
    response = client.get(news.url, {"year": "2024"})

    assert titles(response) == ["Oud bericht"]
    assert response.context["years"] == [2025, 2024], "drafts do not add years"


def test_tag_filter(client, news):
    response = client.get(news.url, {"tag": "energie"})

    assert titles(response) == ["Nieuw bericht"]
    assert [t.slug for t in response.context["tags"]] == ["energie"]


def test_bad_year_is_ignored(client, news):
    assert titles(client.get(news.url, {"year": "abc"})) == ["Nieuw bericht", "Oud bericht"]
