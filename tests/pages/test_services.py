"""site_root_url: where links in mails about a page go; site_for_request: the request's site, cached."""

from django.test import RequestFactory
from wagtail.models import Page

from cms.pages.services import site_for_request, site_root_url
from tests.factories import EventPageFactory, RegionSite


def test_a_page_links_to_its_own_regions_site(region_site, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://beheer.example.org"
    other = RegionSite(hostname="techniek-noord.example.org", is_default=False)
    event = EventPageFactory(parent=other.events)

    assert site_root_url(event) == "http://techniek-noord.example.org"
    assert site_root_url(region_site.home) == "http://localhost"


def test_without_a_site_the_default_then_the_admin_base_url(db, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://beheer.example.org/"
    root = Page.get_first_root_node()
    orphan = root.add_child(instance=Page(title="Los", slug="los"))

    assert site_root_url(orphan) == "https://beheer.example.org"
    assert site_root_url(None) == "https://beheer.example.org"
    assert site_root_url(None, "https://boeken.example.org/") == "https://boeken.example.org"


def test_the_requests_site_is_cached_per_host_until_a_site_changes(region_site, django_assert_num_queries):
    other = RegionSite(hostname="techniek-noord.example.org", is_default=False)
    request = RequestFactory().get("/", HTTP_HOST="techniek-noord.example.org")
    assert site_for_request(request) == other.site
    with django_assert_num_queries(0):
        assert site_for_request(request) == other.site

    other.site.hostname = "techniek-oost.example.org"
    other.site.save()

    again = RequestFactory().get("/", HTTP_HOST="techniek-noord.example.org")  # Wagtail caches on a request
    assert site_for_request(again) == region_site.site  # the default site, looked up again
