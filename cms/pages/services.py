"""Small helpers shared by the page types' views."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.urls import NoReverseMatch, reverse


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
