"""Small helpers shared by the page types' views and by the apps that link to pages."""

import time

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, Site

#: How long a host's site stays cached in the process (a changed site clears the cache anyway).
SITE_TTL = 300.0
_site_by_host: dict[tuple[str, str], tuple[float, Site | None]] = {}


def paginate(request, queryset, per_page: int) -> PaginatorPage:
    """Paginate ``queryset`` by the ``page`` query parameter; bad or out-of-range values give the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def url_if_routed(name: str, *args) -> str | None:
    """The URL of another app's view (e.g. ``search:download_file``), or ``None`` where the project
    does not route that app: pages link to it without depending on it."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def site_root_url(page: Page | Site | None, default: str | None = None) -> str:
    """The root URL (no trailing slash) of the site ``page`` belongs to (or of ``page``, a Site),
    for links in mails and feeds.

    Mails are built outside a request (tasks, cron), so the page's own site says where its
    links go; a page outside every site (or no page) falls back to ``default``, else
    ``WAGTAILADMIN_BASE_URL``. The demo's sites follow ``make run HOST=...`` (``seed_demo --host``).
    """
    site = page if isinstance(page, Site) else page.get_site() if page is not None else None
    if site is not None:
        return site.root_url.rstrip("/")
    return (default or getattr(settings, "WAGTAILADMIN_BASE_URL", None) or "http://localhost").rstrip("/")


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's site for the request, cached in the process by host and port (no query per request)."""
    try:
        key = (request.get_host(), request.get_port())
    except Exception:  # DisallowedHost: Wagtail falls back to the default site
        key = ("", "")
    now = time.monotonic()
    cached = _site_by_host.get(key)
    if cached and now - cached[0] < SITE_TTL:
        return cached[1]
    site = Site.find_for_request(request)
    _site_by_host[key] = (now, site)
    return site


def forget_sites(**kwargs) -> None:
    """Signal receiver: a site changed, so :func:`site_for_request` looks again."""
    _site_by_host.clear()
