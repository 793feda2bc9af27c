"""The menukaart map in Chromium: Leaflet from our static files, points from /api/v3/geo/, no internet."""

from decimal import Decimal
from urllib.parse import urlparse

import pytest

from tests.factories import PartnerFactory, RegionSite, TechniekhuisPageFactory
from tests.partners.factories import PartnerOfferFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tree(transactional_db) -> RegionSite:
    """A region site, also when an earlier transactional test flushed Wagtail's root page and locale."""
    from wagtail.models import Locale, Page, Site

    locale, _ = Locale.objects.get_or_create(language_code="nl")  # LANGUAGE_CODE
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return RegionSite()


def test_map_draws_every_feature_without_leaving_the_site(page, live_server, tree):
    TechniekhuisPageFactory(
        parent=tree.techniekhuizen,
        title="Techniekhuis op Zuid",
        latitude=Decimal("51.880000"),
        longitude=Decimal("4.490000"),
    )
    for n in range(3):
        partner = PartnerFactory(name=f"Partner {n}", latitude=Decimal("51.9") + n, longitude=Decimal("4.4"))
        PartnerOfferFactory(partner=partner, title=f"Gastles {n}")
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(urlparse(request.url).netloc))

    page.goto(f"{live_server.url}/menukaart/")
    page.wait_for_selector("#menukaart-map.menukaart-map--loaded")

    assert page.locator("#menukaart-map").get_attribute("data-features") == "4"
    assert page.locator("#menukaart-map path.leaflet-interactive").count() == 4
    assert page.locator("#menukaart-map .leaflet-tile").count() == 0
    assert requested_hosts == {urlparse(live_server.url).netloc}
    # The list stays as the fallback next to the map.
    assert page.locator(".menukaart-offer").count() == 3


def test_without_javascript_the_list_is_there_and_the_map_hidden(browser, live_server, tree):
    PartnerOfferFactory(title="Bedrijfsbezoek zonder script")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/menukaart/")
        assert page.locator(".menukaart-offer").count() == 1
        assert not page.locator("#menukaart-map").is_visible()
    finally:
        context.close()
