"""Which language the platform speaks, per audience: one middleware instead of Django's LocaleMiddleware.

- The public site speaks the language of its content, never the visitor's browser: a Dutch page under
  an English interface (or ``<html lang="en">`` over Dutch text) misleads readers, screen readers,
  translation tools and search engines. A site's language is its root page's locale, so a region
  that publishes an English tree on its own site gets the English interface with it.
- The Wagtail admin starts in ``LANGUAGE_CODE`` (Dutch); Wagtail itself switches every admin view to
  the language an editor chose in their profile (``wagtail.admin.localization``).
- The JSON API negotiates ``Accept-Language`` (as LocaleMiddleware did): headless clients choose the
  language of error messages; content fields are always in the content's language.

Mails and feeds rendered outside a request (tasks, cron) use :func:`page_language` /
:func:`site_language` with ``translation.override``, so they never depend on whoever triggered them.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Page, Site

API_PREFIXES = ("/api/",)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def supported_language(language_code: str | None) -> str:
    """``language_code`` if the project offers it (``LANGUAGES``), else ``LANGUAGE_CODE``."""
    try:
        return translation.get_supported_language_variant(language_code or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def site_language(site: Site | None) -> str:
    """The language of a site's content: its root page's locale (from Wagtail's cached root paths)."""
    if site is not None:
        for root in Site.get_site_root_paths():
            if root.site_id == site.pk:
                return supported_language(root.language_code)
    return settings.LANGUAGE_CODE


def page_language(page: Page | None) -> str:
    """The language of a page's content (its locale); ``LANGUAGE_CODE`` without a page."""
    return supported_language(page.locale.language_code) if page is not None else settings.LANGUAGE_CODE


def request_language(request: HttpRequest) -> str:
    """The language to answer ``request`` in (see the module docstring)."""
    if request.path_info.startswith(API_PREFIXES):
        return translation.get_language_from_request(request)
    if request.path_info.startswith(ADMIN_PREFIXES):
        return settings.LANGUAGE_CODE
    # Usually every site speaks one language: then the host does not matter, and the request needs
    # no Site query (the root paths are cached by Wagtail). Only mixed languages look the site up.
    languages = {supported_language(root.language_code) for root in Site.get_site_root_paths()}
    if len(languages) == 1:
        return languages.pop()
    return site_language(Site.find_for_request(request))


class ContentLanguageMiddleware:
    """Activates :func:`request_language` for the request; replaces ``LocaleMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if request.path_info.startswith(API_PREFIXES):
            patch_vary_headers(response, ("Accept-Language",))
        if not request.path_info.startswith(ADMIN_PREFIXES):  # the admin switches per editor itself
            response.headers.setdefault("Content-Language", language)
        return response
