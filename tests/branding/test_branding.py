"""A region's house style: validated colours reach the page as a cached stylesheet, never inline."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.branding.models import RegionBranding

pytestmark = pytest.mark.django_db


def test_site_colours_arrive_as_design_tokens_in_a_cacheable_stylesheet(client, region_site):
    branding = RegionBranding.for_site(region_site.site)
    branding.primary_colour = "#006B54"
    branding.save()

    html = client.get("/").content.decode()
    css_url = f"/huisstijl.css?v={branding.stylesheet_version()}"
    assert f'<link rel="stylesheet" href="{css_url}">' in html
    assert "style=" not in html.split("<body", 1)[1]

    response = client.get(css_url)
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert "--color-primary: #006b54;" in response.content.decode()
    assert "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    assert client.get("/huisstijl.css")["Cache-Control"] == "public, max-age=300"
    assert client.get(css_url, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_without_a_house_style_the_default_look_stays(client, region_site):
    html = client.get("/").content.decode()
    assert "huisstijl.css" not in html
    assert "img/logo.svg" in html


@pytest.mark.parametrize("value", ["red", "#fff", "#12345g", "#000000;}body{display:none", "url(x)"])
def test_only_hex_colours_are_accepted(region_site, value):
    branding = RegionBranding(site=region_site.site, primary_colour=value)
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "primary_colour" in error.value.message_dict
    assert branding.stylesheet() == ""


def test_colours_that_make_text_unreadable_are_refused_in_dutch(region_site):
    branding = RegionBranding(site=region_site.site, primary_colour="#ffdd00", surface_colour="#777777")
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "Witte tekst is op deze kleur slecht leesbaar" in error.value.message_dict["primary_colour"][0]
    assert "kies een lichtere kleur" in error.value.message_dict["surface_colour"][0]


def test_footer_text_and_logo_show_on_the_site(client, region_site):
    logo = Image.objects.create(title="Logo", file=get_test_image_file())
    branding = RegionBranding.for_site(region_site.site)
    branding.logo = logo
    branding.footer_text = "<p>Bel ons: 010 123 45 67</p>"
    branding.save()

    html = client.get("/").content.decode()
    assert "Bel ons: 010 123 45 67" in html
    assert "brand__logo--custom" in html
