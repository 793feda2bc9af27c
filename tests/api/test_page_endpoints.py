"""The typed page endpoints: every page type listed and detailed with its domain fields."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    ChallengePageFactory,
    CoreGoalFactory,
    EventPageFactory,
    LessonKitPageFactory,
    NewsArticlePageFactory,
    PartnerFactory,
    TargetGroupFactory,
    TechniekhuisPageFactory,
    TechWorldFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def get_items(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_lesson_kits_list_with_taxonomies(client, region_site):
    group = TargetGroupFactory(name="po groep 7/8")
    theme = ThemeFactory(name="Duurzame energie")
    world = TechWorldFactory(name="Energie")
    goal = CoreGoalFactory(name="Ontwerpen", number=45)
    partner = PartnerFactory(name="Eneco")
    kit = LessonKitPageFactory(
        parent=region_site.databank,
        title="Zonnepanelen",
        target_groups=[group],
        duration_minutes=90,
        partner=partner,
        region=region_site.region,
    )
    kit.themes.set([theme])
    kit.tech_worlds.set([world])
    kit.core_goals.set([goal])
    kit.save()

    data = get_items(client, "/api/v3/lessonkits/")

    assert data["count"] == 1
    item = data["items"][0]
    assert item["title"] == "Zonnepanelen"
    assert item["meta"]["type"] == "pages.LessonKitPage"
    assert [g["name"] for g in item["target_groups"]] == ["po groep 7/8"]
    assert [t["name"] for t in item["themes"]] == ["Duurzame energie"]
    assert [w["name"] for w in item["tech_worlds"]] == ["Energie"]
    assert [g["name"] for g in item["core_goals"]] == ["Ontwerpen"]
    assert item["duration_minutes"] == 90
    assert item["partner"]["name"] == "Eneco"
    assert item["region"]["name"] == region_site.region.name
    assert item["licence"] == "cc-by-sa-4.0"
    assert item["licence_url"].startswith("https://creativecommons.org/licenses/by-sa/4.0")


def test_lesson_kit_detail(client, region_site):
    kit = LessonKitPageFactory(parent=region_site.databank, title="Bruggen bouwen")
    data = get_items(client, f"/api/v3/lessonkits/{kit.pk}/")
    assert data["title"] == "Bruggen bouwen"
    assert data["summary"] == kit.summary
    assert data["meta"]["parent"]["id"] == region_site.databank.pk
    assert data["downloads"] == []


@pytest.mark.parametrize(
    ("path", "factory", "index", "fields"),
    [
        ("/api/v3/news/", NewsArticlePageFactory, "news", {"date", "intro", "body", "tags", "related_pages"}),
        (
            "/api/v3/techniekhuizen/",
            TechniekhuisPageFactory,
            "techniekhuizen",
            {"kind", "postcode", "latitude", "contact_name", "how_to_get_there", "photos", "lesson_kits"},
        ),
        (
            "/api/v3/challenges/",
            ChallengePageFactory,
            "challenges",
            {"phases", "registration_deadline", "registration_open", "partners", "prizes", "results"},
        ),
        (
            "/api/v3/events/",
            EventPageFactory,
            "events",
            {"event_type", "start", "end", "location_name", "online_url", "capacity", "organiser"},
        ),
    ],
)
def test_every_page_type_is_listed_and_detailed_with_domain_fields(
    client, region_site, path, factory, index, fields
):
    page = factory(parent=getattr(region_site, index))

    listed = get_items(client, path)
    assert [item["id"] for item in listed["items"]] == [page.pk]
    assert fields <= listed["items"][0].keys()

    detail = get_items(client, f"{path}{page.pk}/")
    assert detail["title"] == page.title
    assert fields <= detail.keys()


def test_generic_pages_endpoint_lists_all_types(client, region_site):
    LessonKitPageFactory(parent=region_site.databank)
    data = get_items(client, "/api/v3/pages/", limit=50)
    types = {item["meta"]["type"] for item in data["items"]}
    assert {"pages.HomePage", "pages.NewsIndexPage", "pages.DatabankPage", "pages.LessonKitPage"} <= types


def test_drafts_are_absent_from_api_and_site(client, region_site):
    draft = LessonKitPageFactory(parent=region_site.databank, title="Geheim concept", live=False)

    assert get_items(client, "/api/v3/lessonkits/")["count"] == 0
    assert client.get(f"/api/v3/lessonkits/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404
    assert draft.pk not in [i["id"] for i in get_items(client, "/api/v3/pages/", limit=100)["items"]]
    assert client.get(draft.url or f"/databank/{draft.slug}/").status_code == 404


def test_private_pages_are_absent_from_api_and_site(client, region_site):
    kit = LessonKitPageFactory(parent=region_site.databank, title="Alleen voor leden")
    PageViewRestriction.objects.create(page=kit, restriction_type=PageViewRestriction.LOGIN)

    assert get_items(client, "/api/v3/lessonkits/")["count"] == 0
    assert client.get(f"/api/v3/lessonkits/{kit.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{kit.pk}/").status_code == 404
    response = client.get(kit.url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


def test_pages_under_a_private_section_are_hidden_too(client, region_site):
    PageViewRestriction.objects.create(
        page=region_site.events, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    EventPageFactory(parent=region_site.events)
    assert get_items(client, "/api/v3/events/")["count"] == 0


def test_page_size_is_limited(client, region_site):
    response = client.get("/api/v3/lessonkits/", {"limit": 101})
    assert response.status_code == 400


def test_lesson_kit_list_query_count_is_bounded(client, region_site, django_assert_max_num_queries):
    groups = [TargetGroupFactory() for _ in range(3)]
    themes = [ThemeFactory() for _ in range(3)]
    partner = PartnerFactory()
    for _ in range(50):
        kit = LessonKitPageFactory(parent=region_site.databank, target_groups=groups, partner=partner)
        kit.themes.set(themes)
        kit.tags.add("micro:bit", "3d-printen")
        kit.save()

    with django_assert_max_num_queries(15):
        data = get_items(client, "/api/v3/lessonkits/", limit=50)
    assert data["count"] == 50
    assert all(len(item["themes"]) == 3 and len(item["tags"]) == 2 for item in data["items"])


def test_openapi_schema_documents_our_endpoints(client):
    schema = client.get("/api/v3/openapi.json").json()
    for path in (
        "/api/v3/lessonkits/",
        "/api/v3/news/",
        "/api/v3/techniekhuizen/",
        "/api/v3/challenges/",
        "/api/v3/events/",
        "/api/v3/pages/",
    ):
        assert path in schema["paths"]
    assert client.get("/api/v3/docs/").status_code == 200
