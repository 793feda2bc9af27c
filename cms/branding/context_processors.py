"""``branding`` in every template: the current site's logo, footer text and stylesheet URL.

Lazy, so requests that never render the site header (admin, API) do not look the setting up.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .models import RegionBranding


@dataclass
class Branding:
    css_url: str
    logo: object | None
    footer_text: str


def _branding(request: HttpRequest) -> Branding | None:
    if Site.find_for_request(request) is None:
        return None
    setting = RegionBranding.for_request(request)
    css_url = ""
    if setting.stylesheet():
        css_url = f"{reverse('branding:stylesheet')}?v={setting.stylesheet_version()}"
    return Branding(css_url=css_url, logo=setting.logo, footer_text=setting.footer_text)


def branding(request: HttpRequest) -> dict:
    return {"branding": SimpleLazyObject(lambda: _branding(request))}
