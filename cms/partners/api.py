"""``/api/v3/partner-offers/`` (the menukaart) and ``/api/v3/geo/`` (GeoJSON for the map)."""

import json
from decimal import Decimal
from typing import Any, Literal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from cms.api.errors import ProblemSchema
from cms.api.examples import openapi_examples
from cms.api.routers import get_or_404, register_router
from cms.api.schema_types import Id

from . import api_examples as examples
from .models import PartnerOffer
from .services import OfferFilters, filter_offers, geo_features

KindChoice = Literal["guest_lesson", "company_visit", "internship", "elective", "workshop"]
PlaceChoice = Literal["partner", "school", "online"]
GEOJSON_CONTENT_TYPE = "application/geo+json"


class OfferFilterQuery(Schema):
    kind: KindChoice | None = Field(None, description="Kind of offer.", examples=["guest_lesson"])
    target_group: str | None = Field(
        None, max_length=120, description="Target group slug.", examples=["vmbo-bovenbouw"]
    )
    theme: str | None = Field(None, max_length=120, description="Theme slug.", examples=["energie"])
    place: PlaceChoice | None = Field(None, description="Where it takes place.", examples=["school"])
    region: str | None = Field(
        None, max_length=120, description="Slug of the partner's region.", examples=["techtown"]
    )
    free: bool = Field(False, description="Only offers without cost.")

    def to_filters(self) -> OfferFilters:
        return OfferFilters(
            kind=self.kind,
            target_group=self.target_group,
            theme=self.theme,
            place=self.place,
            region=self.region,
            free=self.free,
        )


class TermSchema(Schema):
    id: int
    name: str = Field(examples=["vmbo bovenbouw"])
    slug: str = Field(examples=["vmbo-bovenbouw"])


class RegionSchema(Schema):
    id: int
    name: str = Field(examples=["TechTown"])
    slug: str = Field(examples=["techtown"])


class PartnerSummarySchema(Schema):
    id: int
    name: str = Field(examples=["Havenbedrijf Rotterdam"])
    slug: str
    partner_type: str = Field(examples=["company"])
    city: str = Field(examples=["Rotterdam"])
    website: str
    region: RegionSchema | None
    latitude: Decimal | None = Field(examples=["51.905000"])
    longitude: Decimal | None = Field(examples=["4.466000"])


class PartnerOfferSchema(Schema):
    id: int
    title: str = Field(examples=["Gastles: werken in de haven"])
    description: str
    kind: str = Field(examples=["guest_lesson"])
    kind_label: str = Field(examples=["gastles"])
    place: str = Field(examples=["school"])
    place_label: str = Field(examples=["op school"])
    period: str = Field(examples=["dinsdagmiddag, oktober tot maart"])
    max_pupils: int | None = Field(examples=[30])
    cost: Decimal = Field(examples=["0.00"])
    is_free: bool
    insurance_needed: bool
    partner: PartnerSummarySchema
    target_groups: list[TermSchema]
    themes: list[TermSchema]

    @staticmethod
    def resolve_kind_label(obj: PartnerOffer) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_place_label(obj: PartnerOffer) -> str:
        return str(obj.get_place_display())


class PointSchema(Schema):
    type: Literal["Point"] = "Point"
    coordinates: list[float] = Field(min_length=2, max_length=2, examples=[[4.466, 51.905]])


class FeatureSchema(Schema):
    type: Literal["Feature"] = "Feature"
    id: str = Field(examples=["partner-12"])
    geometry: PointSchema
    properties: dict[str, Any] = Field(
        examples=[{"type": "partner", "id": 12, "name": "Havenbedrijf Rotterdam", "offers": []}]
    )


class FeatureCollectionSchema(Schema):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[FeatureSchema]


router = Router(tags=["partners"])
geo_router = Router(tags=["geo"])


@router.get(
    "/",
    response={200: list[PartnerOfferSchema], 400: ProblemSchema},
    summary="List partner offers",
    operation_id="partner_offers_list",
    description="Active offers of partners to schools (the menukaart), filterable by its criteria.",
    openapi_extra=openapi_examples(responses={200: examples.OFFERS}),
)
@paginate(WagtailLimitOffsetPagination)
def list_offers(request: HttpRequest, filters: Query[OfferFilterQuery], **kwargs: Any):
    return filter_offers(filters.to_filters()).for_listing()


@router.get(
    "/{offer_id}/",
    response={200: PartnerOfferSchema, 404: ProblemSchema, 400: ProblemSchema},
    summary="Get one partner offer",
    operation_id="partner_offers_detail",
    openapi_extra=openapi_examples(responses={200: examples.OFFER}),
)
def get_offer(request: HttpRequest, offer_id: Id):
    return get_or_404(PartnerOffer.objects.active().for_listing(), offer_id)


@geo_router.get(
    "/",
    response={200: FeatureCollectionSchema, 400: ProblemSchema},
    summary="Map features (GeoJSON)",
    operation_id="geo_features",
    url_name="geo_features",
    openapi_extra=openapi_examples(
        responses={200: examples.FEATURES}, response_media_type=GEOJSON_CONTENT_TYPE
    ),
    description=(
        "A GeoJSON FeatureCollection (RFC 7946) of published techniekhuizen and of partners with their "
        "active offers. Takes the same filters as the partner offers list; partners without a matching "
        "offer are left out."
    ),
)
def geo(request: HttpRequest, filters: Query[OfferFilterQuery]):
    collection = geo_features(request, filters.to_filters())
    return HttpResponse(json.dumps(collection, cls=DjangoJSONEncoder), content_type=GEOJSON_CONTENT_TYPE)


def register() -> None:
    register_router("/partner-offers/", router)
    register_router("/geo/", geo_router)
