from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from .forms import OfferFilterForm
from .services import filter_offers, located_techniekhuizen

PAGE_SIZE = 20


def menukaart(request: HttpRequest) -> HttpResponse:
    """The filterable list of partner offers, with a map that enhances it when JavaScript runs."""
    form = OfferFilterForm(request.GET or None)
    filters = form.to_filters()
    offers = Paginator(filter_offers(filters).for_listing(), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "partners/menukaart.html",
        {
            "form": form,
            "page_obj": offers,
            "offers": offers.object_list,
            "techniekhuizen": located_techniekhuizen(filters.region)[: PAGE_SIZE * 5],
            "map_labels": {"more": _("More information")},
            "geo_url": f"{reverse('wagtailapi_v3:geo_features')}?{query.urlencode()}",
            "tile_url": getattr(settings, "PARTNERS_MAP_TILE_URL", None) or "",
            "tile_attribution": getattr(settings, "PARTNERS_MAP_TILE_ATTRIBUTION", ""),
        },
    )
