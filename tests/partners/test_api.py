"""The menukaart API: active offers only, every filter, bad input, pagination, bounded queries."""

from decimal import Decimal

import pytest

from cms.partners.models import PartnerOffer
from tests.api.problems import assert_problem
from tests.factories import PartnerFactory, RegionFactory, TargetGroupFactory, ThemeFactory

from .factories import PartnerOfferFactory

pytestmark = pytest.mark.django_db
URL = "/api/v3/partner-offers/"


def titles(client, **params) -> list[str]:
    """Titles of the matching offers, sorted (the API orders by partner name)."""
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_lists_only_active_offers_with_their_criteria(client):
    group = TargetGroupFactory(name="vmbo bovenbouw", slug="vmbo-bovenbouw")
    theme = ThemeFactory(name="Energie", slug="energie")
    partner = PartnerFactory(name="Eneco", city="Rotterdam", region=RegionFactory(name="TechTown"))
    PartnerOfferFactory(
        partner=partner,
        title="Bedrijfsbezoek windpark",
        kind=PartnerOffer.Kind.COMPANY_VISIT,
        place=PartnerOffer.Place.PARTNER,
        cost=Decimal("25.00"),
        insurance_needed=True,
        target_groups=[group],
        themes=[theme],
        max_pupils=24,
    )
    PartnerOfferFactory(title="Uitgezet aanbod", active=False)

    response = client.get(URL)

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["title"] == "Bedrijfsbezoek windpark"
    assert item["kind"] == "company_visit"
    assert item["kind_label"] == "bedrijfsbezoek"
    assert item["place_label"] == "bij de partner"
    assert item["cost"] == "25.00"
    assert item["is_free"] is False
    assert item["insurance_needed"] is True
    assert item["max_pupils"] == 24
    assert item["partner"]["name"] == "Eneco"
    assert item["partner"]["region"]["name"] == "TechTown"
    assert item["target_groups"] == [{"id": group.pk, "name": "vmbo bovenbouw", "slug": "vmbo-bovenbouw"}]
    assert [t["slug"] for t in item["themes"]] == ["energie"]


def test_each_filter_narrows_the_list(client):
    po = TargetGroupFactory(slug="po-7-8")
    vmbo = TargetGroupFactory(slug="vmbo")
    energy = ThemeFactory(slug="energie")
    north = RegionFactory(slug="noord")
    south = RegionFactory(slug="zuid")
    PartnerOfferFactory(
        title="A gastles po",
        kind="guest_lesson",
        place="school",
        cost=0,
        target_groups=[po],
        themes=[energy],
        partner=PartnerFactory(region=north),
    )
    PartnerOfferFactory(
        title="B stage vmbo",
        kind="internship",
        place="partner",
        cost=Decimal("10"),
        target_groups=[vmbo, po],
        partner=PartnerFactory(region=south),
    )
    PartnerOfferFactory(title="C online workshop", kind="workshop", place="online", cost=Decimal("5"))

    assert titles(client) == ["A gastles po", "B stage vmbo", "C online workshop"]
    assert titles(client, kind="internship") == ["B stage vmbo"]
    assert titles(client, place="online") == ["C online workshop"]
    assert titles(client, free="true") == ["A gastles po"]
    assert titles(client, target_group="po-7-8") == ["A gastles po", "B stage vmbo"]
    assert titles(client, target_group="vmbo") == ["B stage vmbo"]
    assert titles(client, theme="energie") == ["A gastles po"]
    assert titles(client, region="zuid") == ["B stage vmbo"]
    assert titles(client, region="zuid", kind="guest_lesson") == []
    assert titles(client, target_group="bestaat-niet") == []


@pytest.mark.parametrize(
    "params", [{"kind": "picknick"}, {"place": "maan"}, {"free": "misschien"}, {"limit": 0}, {"offset": -1}]
)
def test_bad_filter_values_are_a_problem_response(client, params):
    body = assert_problem(client.get(URL, params), 400)
    (name,) = params
    assert [error["loc"] for error in body["errors"]] == [["query", name]]


def test_limit_above_maximum_is_refused(client, settings):
    assert settings.WAGTAILAPI_LIMIT_MAX == 100
    assert "100" in assert_problem(client.get(URL, {"limit": 101}), 400)["detail"]
    assert client.get(URL, {"limit": 100}).status_code == 200


def test_pagination(client):
    partner = PartnerFactory()
    for n in range(5):
        PartnerOfferFactory(title=f"Aanbod {n}", partner=partner)
    data = client.get(URL, {"limit": 2, "offset": 2}).json()
    assert data["count"] == 5
    assert [item["title"] for item in data["items"]] == ["Aanbod 2", "Aanbod 3"]


def test_detail_of_active_offer_and_404_for_inactive(client):
    offer = PartnerOfferFactory(title="Keuzevak robotica", kind="elective")
    hidden = PartnerOfferFactory(active=False)
    assert client.get(f"{URL}{offer.pk}/").json()["title"] == "Keuzevak robotica"
    assert_problem(client.get(f"{URL}{hidden.pk}/"), 404)


def test_list_query_count_does_not_grow_with_offers(client, django_assert_max_num_queries):
    groups = [TargetGroupFactory() for _ in range(3)]
    themes = [ThemeFactory() for _ in range(2)]
    for _ in range(25):
        PartnerOfferFactory(
            partner=PartnerFactory(region=RegionFactory()), target_groups=groups, themes=themes
        )
    # count + page (with partner and region joined) + target groups + themes
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"limit": 25, "target_group": groups[0].slug})
    assert response.json()["count"] == 25


def test_offers_are_in_the_openapi_schema_with_examples(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/partner-offers/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "kind",
        "target_group",
        "theme",
        "place",
        "region",
        "free",
        "limit",
        "offset",
    }
    assert schema["components"]["schemas"]["PartnerOfferSchema"]["properties"]["title"]["examples"]
    assert "/api/v3/geo/" in schema["paths"]
