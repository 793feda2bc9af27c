"""``/api/v3/geo/``: valid GeoJSON with only published techniekhuizen and partners with active offers."""

from decimal import Decimal

import geojson
import pytest
from wagtail.models import PageViewRestriction

from tests.api.problems import assert_problem
from tests.factories import PartnerFactory, RegionFactory, TechniekhuisPageFactory

from .factories import PartnerOfferFactory

pytestmark = pytest.mark.django_db
URL = "/api/v3/geo/"


def get_collection(client, **params) -> geojson.FeatureCollection:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    collection = geojson.loads(response.content)
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    return collection


def names(collection) -> set[str]:
    return {feature["properties"]["name"] for feature in collection["features"]}


def located_partner(**kwargs):
    return PartnerFactory(latitude=Decimal("51.905000"), longitude=Decimal("4.466000"), **kwargs)


def test_collection_is_valid_geojson_with_lon_lat_order(client, region_site):
    TechniekhuisPageFactory(
        parent=region_site.techniekhuizen,
        title="Techniekhuis op Zuid",
        latitude=Decimal("51.883000"),
        longitude=Decimal("4.488000"),
        region=region_site.region,
    )
    offer = PartnerOfferFactory(partner=located_partner(name="Havenbedrijf"), title="Bedrijfsbezoek haven")

    collection = get_collection(client)

    by_name = {f["properties"]["name"]: f for f in collection["features"]}
    house = by_name["Techniekhuis op Zuid"]
    assert house["geometry"]["coordinates"] == [4.488, 51.883]
    assert house["properties"]["type"] == "techniekhuis"
    assert house["properties"]["url"].endswith("/techniekhuis-op-zuid/")
    partner = by_name["Havenbedrijf"]
    assert partner["geometry"]["coordinates"] == [4.466, 51.905]
    assert partner["properties"]["type"] == "partner"
    assert [o["id"] for o in partner["properties"]["offers"]] == [offer.pk]


def test_only_published_public_located_items(client, region_site):
    TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Live", latitude=52, longitude=4)
    TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Concept", latitude=52, longitude=4, live=False
    )
    private = TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Besloten", latitude=52, longitude=4
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Zonder coordinaten")
    PartnerOfferFactory(partner=located_partner(name="Actief"))
    both = located_partner(name="Half actief")
    shown = PartnerOfferFactory(partner=both, title="Aan")
    PartnerOfferFactory(partner=both, title="Uit", active=False)
    PartnerOfferFactory(partner=located_partner(name="Alleen inactief"), active=False)
    PartnerOfferFactory(partner=PartnerFactory(name="Zonder locatie"))
    located_partner(name="Zonder aanbod")

    collection = get_collection(client)

    assert names(collection) == {"Live", "Actief", "Half actief"}
    half = next(f for f in collection["features"] if f["properties"]["name"] == "Half actief")
    assert [o["id"] for o in half["properties"]["offers"]] == [shown.pk]


def test_filters_apply_to_partners_and_region_to_techniekhuizen(client, region_site):
    other_region = RegionFactory(slug="elders")
    TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Hier", latitude=52, longitude=4, region=region_site.region
    )
    TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Daar", latitude=52, longitude=4, region=other_region
    )
    PartnerOfferFactory(
        partner=located_partner(name="Gastlesgever", region=region_site.region), kind="guest_lesson"
    )
    PartnerOfferFactory(
        partner=located_partner(name="Stagebedrijf", region=region_site.region), kind="internship"
    )
    PartnerOfferFactory(partner=located_partner(name="Ver weg", region=other_region), kind="internship")

    assert names(get_collection(client, kind="internship")) == {"Hier", "Daar", "Stagebedrijf", "Ver weg"}
    assert names(get_collection(client, region=region_site.region.slug)) == {
        "Hier",
        "Gastlesgever",
        "Stagebedrijf",
    }
    assert get_collection(client, kind="internship", region="bestaat-niet")["features"] == []


def test_bad_filter_is_a_problem_response(client):
    body = assert_problem(client.get(URL, {"kind": "picknick"}), 400)
    assert [error["loc"] for error in body["errors"]] == [["query", "kind"]]


def test_query_count_is_constant(client, region_site, django_assert_max_num_queries):
    for n in range(10):
        TechniekhuisPageFactory(
            parent=region_site.techniekhuizen, title=f"Huis {n}", latitude=52, longitude=4
        )
        partner = located_partner(region=region_site.region)
        PartnerOfferFactory(partner=partner)
        PartnerOfferFactory(partner=partner, kind="workshop")
    # view restrictions, techniekhuizen, current site, site root paths, partners, their offers
    with django_assert_max_num_queries(6):
        collection = get_collection(client)
    assert len(collection["features"]) == 20


def test_feature_count_is_capped_by_setting(client, region_site, settings):
    settings.PARTNERS_GEO_MAX_FEATURES = 2
    for n in range(3):
        TechniekhuisPageFactory(
            parent=region_site.techniekhuizen, title=f"Huis {n}", latitude=52, longitude=4
        )
        PartnerOfferFactory(partner=located_partner())
    assert len(get_collection(client)["features"]) == 4
