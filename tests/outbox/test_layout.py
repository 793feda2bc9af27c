"""The mail layout's look comes from the ``outbox_mail_brand`` hook and is checked again here: mail
never carries a colour that is not ``#rrggbb`` nor a relative link or logo."""

import pytest
from wagtail import hooks
from wagtail.models import Site

from cms.outbox.layout import NEUTRAL_PRIMARY, MailBrand, brand_for, inline_styles

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(region_site) -> Site:
    region_site.site.site_name = "STO GOAL"
    region_site.site.save()
    return region_site.site


def test_without_a_site_or_a_hook_answer_mail_gets_the_neutral_look(settings, site):
    brand = brand_for(None, "https://www.example.nl/")
    assert brand == MailBrand(name=settings.WAGTAIL_SITE_NAME, url="https://www.example.nl")
    with hooks.register_temporarily("outbox_mail_brand", lambda site: None, order=-1):
        assert brand_for(site).primary_colour == NEUTRAL_PRIMARY
        assert brand_for(site).name == "STO GOAL"


def test_hook_values_are_checked_and_links_made_absolute(site):
    def brand(site):
        return {
            "primary_colour": "red;}body{display:none",
            "footer_colour": "#4A1C0A",
            "logo_url": "/media/images/logo.png",
            "logo_width": 96,
            "footer_html": '<p><a href="/contact/">Contact</a> <a href="https://elders.nl/">Elders</a></p>',
        }

    with hooks.register_temporarily("outbox_mail_brand", brand, order=-1):
        branded = brand_for(site, "https://goal.example.nl")
        without_base = brand_for(site, "")

    assert branded.primary_colour == NEUTRAL_PRIMARY, "not a hex colour: ignored"
    assert branded.footer_colour == "#4a1c0a"
    assert branded.logo_url == "https://goal.example.nl/media/images/logo.png"
    assert 'href="https://goal.example.nl/contact/"' in branded.footer_html
    assert 'href="https://elders.nl/"' in branded.footer_html
    assert branded.footer_text == "Contact (https://goal.example.nl/contact/) Elders (https://elders.nl/)"
    assert without_base.logo_url == "", "a logo mail clients cannot load is left out"


def test_layout_styles_are_copied_onto_the_elements():
    html = inline_styles('<style>.mail-content { color: #1a1f2b; }</style><p class="mail-content">x</p>')
    assert 'class="mail-content" style="color: #1a1f2b;"' in html
    assert inline_styles("<p>no styles</p>") == "<p>no styles</p>"
