"""The typed list endpoints take the index pages' filters, and agree with the pages on the site."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.api.problems import assert_problem
from tests.factories import (
    ChallengePageFactory,
    EventPageFactory,
    LessonKitPageFactory,
    NewsArticlePageFactory,
    RegionSite,
    TargetGroupFactory,
    TechniekhuisPageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def titles(client, path, **params) -> list[str]:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


@pytest.fixture
def other_region(region_site):
    return RegionSite(hostname="goal.localhost", is_default=False)


def test_events_upcoming_past_audience_theme_and_region(client, region_site, other_region):
    now = timezone.now()
    energy = ThemeFactory(name="Energie", slug="energie")
    EventPageFactory(parent=region_site.events, title="Masterclass later", start=now + dt.timedelta(days=20))
    EventPageFactory(
        parent=region_site.events,
        title="Leernetwerk straks",
        start=now + dt.timedelta(days=5),
        themes=[energy],
    )
    EventPageFactory(parent=region_site.events, title="Geweest", start=now - dt.timedelta(days=30))
    EventPageFactory(parent=region_site.events, title="Lang geleden", start=now - dt.timedelta(days=90))
    EventPageFactory(
        parent=other_region.events, title="Elders", start=now + dt.timedelta(days=7), audience="company_staff"
    )

    assert titles(client, "/api/v3/events/", when="upcoming") == [
        "Leernetwerk straks",
        "Elders",
        "Masterclass later",
    ]
    assert titles(client, "/api/v3/events/", when="past") == ["Geweest", "Lang geleden"]
    assert titles(client, "/api/v3/events/", theme="energie") == ["Leernetwerk straks"]
    assert titles(client, "/api/v3/events/", audience="company_staff") == ["Elders"]
    assert titles(client, "/api/v3/events/", region=other_region.region.slug) == ["Elders"]
    assert titles(client, "/api/v3/events/", region="bestaat-niet") == []


def test_the_event_index_page_and_the_api_agree(client, region_site):
    now = timezone.now()
    energy = ThemeFactory(slug="energie")
    for days, theme in ((3, energy), (9, None), (-4, energy)):
        EventPageFactory(
            parent=region_site.events,
            title=f"Over {days} dagen",
            start=now + dt.timedelta(days=days),
            themes=[theme] if theme else [],
        )

    html = client.get(region_site.events.url, {"theme": "energie"}).content.decode()
    upcoming = titles(client, "/api/v3/events/", theme="energie", when="upcoming")

    assert upcoming == ["Over 3 dagen"]
    assert "Over 3 dagen" in html and "Over -4 dagen" in html and "Over 9 dagen" not in html


def test_news_by_tag_year_and_region(client, region_site, other_region):
    for parent, title, date, tagged in (
        (region_site.news, "Zonneboten", dt.date(2026, 5, 1), True),
        (region_site.news, "Robots", dt.date(2025, 3, 1), False),
        (other_region.news, "Drones", dt.date(2026, 2, 1), True),
    ):
        article = NewsArticlePageFactory(parent=parent, title=title, date=date)
        if tagged:
            article.tags.add("zon")
            article.save()

    assert titles(client, "/api/v3/news/", tag="zon") == ["Zonneboten", "Drones"]
    assert titles(client, "/api/v3/news/", year=2025) == ["Robots"]
    assert titles(client, "/api/v3/news/", region=region_site.region.slug, tag="zon") == ["Zonneboten"]


def test_techniekhuizen_kits_and_challenges_by_their_criteria(client, region_site, other_region):
    group = TargetGroupFactory(slug="po-groep-7-8")
    TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Op Zuid", region=region_site.region)
    TechniekhuisPageFactory(
        parent=other_region.techniekhuizen,
        title="Techniekbus",
        kind="mobile",
        region=other_region.region,
        target_groups=[group],
    )
    LessonKitPageFactory(parent=region_site.databank, title="Zonne-auto", target_groups=[group])
    LessonKitPageFactory(parent=region_site.databank, title="Bruggen")
    ChallengePageFactory(parent=region_site.challenges, title="Open", target_groups=[group])
    ChallengePageFactory(
        parent=region_site.challenges,
        title="Dicht",
        registration_deadline=timezone.now() - dt.timedelta(days=1),
    )

    assert titles(client, "/api/v3/techniekhuizen/", kind="mobile") == ["Techniekbus"]
    assert titles(client, "/api/v3/techniekhuizen/", region=region_site.region.slug) == ["Op Zuid"]
    assert titles(client, "/api/v3/techniekhuizen/", target_group="po-groep-7-8") == ["Techniekbus"]
    assert titles(client, "/api/v3/lessonkits/", target_group="po-groep-7-8") == ["Zonne-auto"]
    assert titles(client, "/api/v3/challenges/", registration_open="true") == ["Open"]
    assert titles(client, "/api/v3/challenges/", registration_open="false") == ["Dicht"]
    assert titles(client, "/api/v3/challenges/", target_group="po-groep-7-8") == ["Open"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v3/events/", {"when": "soon"}),
        ("/api/v3/events/", {"audience": "aliens"}),
        ("/api/v3/techniekhuizen/", {"kind": "boat"}),
        ("/api/v3/news/", {"year": "twee"}),
        ("/api/v3/news/", {"tag": "x" * 200}),
    ],
)
def test_bad_filter_values_are_a_400_problem(client, region_site, path, params):
    body = assert_problem(client.get(path, params), 400)
    assert body["errors"][0]["loc"][:2] == ["query", next(iter(params))]


def test_filtered_lists_keep_a_fixed_number_of_queries(client, region_site, django_assert_max_num_queries):
    energy = ThemeFactory(slug="energie")
    for n in range(15):
        EventPageFactory(parent=region_site.events, title=f"Activiteit {n}", themes=[energy])
    client.get("/api/v3/events/", {"theme": "energie", "when": "upcoming"})
    # One prefetch per taxonomy list in the items (themes, worlds of technology, core goals), not per item.
    with django_assert_max_num_queries(10):
        response = client.get(
            "/api/v3/events/", {"theme": "energie", "when": "upcoming", "region": region_site.region.slug}
        )
    assert len(response.json()["items"]) == 15
