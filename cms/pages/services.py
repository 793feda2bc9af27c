"""Small helpers shared by the page types' views."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator


def paginate(request, queryset, per_page: int) -> PaginatorPage:
    """Paginate ``queryset`` by the ``page`` query parameter; bad or out-of-range values give the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
