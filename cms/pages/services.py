"""Small helpers shared by the page types' views and by the apps that link to pages."""

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, Site


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
