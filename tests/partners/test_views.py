"""The server-rendered menukaart: Dutch labels, filters, only active offers, map wiring, bounded queries."""

from decimal import Decimal

import pytest

from tests.factories import PartnerFactory, RegionFactory, TargetGroupFactory, TechniekhuisPageFactory

from .factories import PartnerOfferFactory

pytestmark = pytest.mark.django_db
URL = "/menukaart/"


def test_lists_active_offers_with_dutch_labels(client, region_site):
    PartnerOfferFactory(
        title="Snuffelstage bij de bouw",
        kind="internship",
        place="partner",
        cost=Decimal("0"),
        insurance_needed=True,
        partner=PartnerFactory(name="BAM Bouw"),
    )
    PartnerOfferFactory(title="Verborgen aanbod", active=False)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Snuffelstage bij de bouw" in html
    assert "BAM Bouw" in html
    assert "Verborgen aanbod" not in html
    assert "Partneraanbod" in html
    assert "verdiepende stage" in html
    assert "gratis" in html
    assert "Soort aanbod" in html  # filter label


def test_filters_from_the_query_string(client, region_site):
    group = TargetGroupFactory(slug="po-5-6")
    region = RegionFactory(slug="zuid")
    PartnerOfferFactory(title="Workshop drones", kind="workshop", target_groups=[group])
    PartnerOfferFactory(
        title="Gastles zorgtechniek", kind="guest_lesson", partner=PartnerFactory(region=region)
    )
    PartnerOfferFactory(title="Betaalde excursie", kind="company_visit", cost=Decimal("50"))

    def shown(**params):
        html = client.get(URL, params).content.decode()
        return {t for t in ("Workshop drones", "Gastles zorgtechniek", "Betaalde excursie") if t in html}

    assert shown() == {"Workshop drones", "Gastles zorgtechniek", "Betaalde excursie"}
    assert shown(kind="workshop") == {"Workshop drones"}
    assert shown(target_group="po-5-6") == {"Workshop drones"}
    assert shown(region="zuid") == {"Gastles zorgtechniek"}
    assert shown(free="on") == {"Workshop drones", "Gastles zorgtechniek"}
    # An unknown value is ignored for that field rather than failing the page.
    assert shown(kind="picknick", region="zuid") == {"Gastles zorgtechniek"}


def test_map_uses_local_leaflet_and_filtered_geo_url_and_no_tiles_by_default(client, region_site):
    html = client.get(URL, {"kind": "workshop"}).content.decode()
    assert "/static/partners/vendor/leaflet/leaflet.js" in html
    assert 'data-geo-url="/api/v3/geo/?kind=workshop"' in html
    assert 'data-tile-url=""' in html
    assert "http://" not in html.split('id="menukaart-map"')[1].split(">")[0]
    assert "unpkg" not in html and "cdn" not in html.lower()


def test_tile_url_comes_from_setting(client, region_site, settings):
    settings.PARTNERS_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = client.get(URL).content.decode()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html


def test_techniekhuizen_listed_as_fallback(client, region_site):
    TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Techniek op Noord", latitude=52, longitude=4
    )
    TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Concepthuis", latitude=52, longitude=4, live=False
    )
    html = client.get(URL).content.decode()
    assert "Techniek op Noord" in html
    assert "Concepthuis" not in html


def test_pagination_keeps_filters(client, region_site):
    for n in range(25):
        PartnerOfferFactory(title=f"Workshop {n:02d}", kind="workshop")
    html = client.get(URL, {"kind": "workshop"}).content.decode()
    assert "25 aanbiedingen" in html
    assert "?kind=workshop&amp;page=2" in html


def test_query_count_does_not_grow_with_offers(client, region_site, django_assert_max_num_queries):
    groups = [TargetGroupFactory() for _ in range(2)]
    for n in range(15):
        PartnerOfferFactory(partner=PartnerFactory(region=RegionFactory()), target_groups=groups)
        TechniekhuisPageFactory(
            parent=region_site.techniekhuizen, title=f"Huis {n}", latitude=52, longitude=4
        )
    with django_assert_max_num_queries(20):
        response = client.get(URL)
    assert response.status_code == 200
