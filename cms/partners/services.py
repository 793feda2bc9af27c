"""Read-side rules of the menukaart: which offers match a visitor's criteria, and what goes on the map.

Both the server-rendered listing and the API call these functions so that a filter means the same
thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest

from cms.api.routers import public_pages
from cms.pages.models import TechniekhuisPage
from cms.snippets.models import Partner

from .models import PartnerOffer


@dataclass(frozen=True)
class OfferFilters:
    """The criteria a school can choose offers by; ``None``/empty means "any"."""

    kind: str | None = None
    target_group: str | None = None  # TargetGroup slug
    theme: str | None = None  # Theme slug
    place: str | None = None
    region: str | None = None  # Region slug (the partner's region)
    free: bool = False


def filter_offers(
    filters: OfferFilters, queryset: QuerySet[PartnerOffer] | None = None
) -> QuerySet[PartnerOffer]:
    """Active offers matching ``filters``, ordered by partner and title (no relations loaded)."""
    offers = (queryset if queryset is not None else PartnerOffer.objects.all()).active()
    if filters.kind:
        offers = offers.filter(kind=filters.kind)
    if filters.place:
        offers = offers.filter(place=filters.place)
    if filters.free:
        offers = offers.filter(cost=Decimal("0"))
    if filters.region:
        offers = offers.filter(partner__region__slug=filters.region)
    # M2M filters as subqueries on ids: no joins that duplicate rows, so no DISTINCT needed.
    if filters.target_group:
        offers = offers.filter(
            pk__in=PartnerOffer.target_groups.through.objects.filter(
                targetgroup__slug=filters.target_group
            ).values("partneroffer_id")
        )
    if filters.theme:
        offers = offers.filter(
            pk__in=PartnerOffer.themes.through.objects.filter(theme__slug=filters.theme).values(
                "partneroffer_id"
            )
        )
    return offers.order_by("partner__name", "title", "pk")


def _max_features() -> int:
    return int(getattr(settings, "PARTNERS_GEO_MAX_FEATURES", 1000))


def _point(longitude: Decimal, latitude: Decimal) -> dict[str, Any]:
    # GeoJSON positions are [longitude, latitude] (RFC 7946, section 3.1.1).
    return {"type": "Point", "coordinates": [float(longitude), float(latitude)]}


def _offer_properties(offer: PartnerOffer) -> dict[str, Any]:
    return {
        "id": offer.pk,
        "title": offer.title,
        "kind": offer.kind,
        "kind_label": str(offer.get_kind_display()),
        "place": offer.place,
        "place_label": str(offer.get_place_display()),
        "cost": str(offer.cost),
        "max_pupils": offer.max_pupils,
    }


def located_techniekhuizen(region: str | None = None) -> QuerySet:
    """Live techniekhuizen without view restrictions that have coordinates, optionally of one region."""

    houses = (
        public_pages(TechniekhuisPage)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .select_related("region")
        .order_by("title", "pk")
    )
    if region:
        houses = houses.filter(region__slug=region)
    return houses


def geo_features(request: HttpRequest | None, filters: OfferFilters | None = None) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of live public techniekhuizen and partners with their active offers.

    Partners appear only when they have coordinates and at least one active offer matching ``filters``;
    techniekhuizen only when live, without view restrictions and with coordinates (filtered by region
    when one is given). Costs six queries whatever the number of features (the site root paths that
    page URLs need are cached per request by Wagtail).
    """

    filters = filters or OfferFilters()
    limit = _max_features()
    features: list[dict[str, Any]] = []

    for house in located_techniekhuizen(filters.region)[:limit]:
        features.append(
            {
                "type": "Feature",
                "id": f"techniekhuis-{house.pk}",
                "geometry": _point(house.longitude, house.latitude),
                "properties": {
                    "type": "techniekhuis",
                    "id": house.pk,
                    "name": house.title,
                    "kind": house.kind,
                    "city": house.city,
                    "region": house.region.name if house.region else None,
                    "url": house.get_url(request),
                },
            }
        )

    matching = filter_offers(filters)
    partners = (
        Partner.objects.filter(
            latitude__isnull=False, longitude__isnull=False, pk__in=matching.values("partner_id")
        )
        .select_related("region")
        .prefetch_related(Prefetch("offers", queryset=matching, to_attr="matching_offers"))
        .order_by("name", "pk")
    )
    for partner in partners[:limit]:
        features.append(
            {
                "type": "Feature",
                "id": f"partner-{partner.pk}",
                "geometry": _point(partner.longitude, partner.latitude),
                "properties": {
                    "type": "partner",
                    "id": partner.pk,
                    "name": partner.name,
                    "partner_type": partner.partner_type,
                    "city": partner.city,
                    "region": partner.region.name if partner.region else None,
                    "website": partner.website,
                    "offers": [_offer_properties(offer) for offer in partner.matching_offers],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
