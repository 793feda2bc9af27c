"""``GET /api/v3/databank/search`` and ``/suggest``: the databank search as JSON."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field, WithJsonSchema

from cms.api.errors import ProblemSchema
from cms.api.examples import openapi_examples
from cms.api.schema_types import Id
from cms.errors import NotFound
from cms.pages.services import site_for_request

from . import api_examples as examples
from . import services
from .backends.base import MAX_PAGE_SIZE, InvalidSearchParams, SearchParams, SearchResults
from .facets import FACET_KEYS, FACET_LABELS, SORTS

router = Router(tags=["databank"])

# Declared as integers in the OpenAPI schema but parsed by us, so a bad value is a 400 with a clear
# (translated) message instead of the framework's generic 422.
IntParam = Annotated[str | None, WithJsonSchema({"type": "integer", "minimum": 1})]
PageSizeParam = Annotated[
    str | None, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE})
]
SortParam = Annotated[str | None, WithJsonSchema({"type": "string", "enum": list(SORTS)})]
SuggestLimitParam = Annotated[str | None, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 20})]
#: Text with at least one character that is not white space (the same rule in the document and the check).
NOT_BLANK = r"[^\s\ufeff]"
SuggestText = Annotated[str, WithJsonSchema({"type": "string", "pattern": NOT_BLANK})]
SEARCH_PARAMS = {"q", "sort", "page", "page_size", *FACET_KEYS}


class FacetTermSchema(Schema):
    value: str
    label: str


class HitSchema(Schema):
    id: int
    title: str
    url: str
    summary: str
    published_at: dt.datetime | None
    duration_minutes: int
    download_count: int
    score: float | None
    facets: dict[str, list[FacetTermSchema]]
    highlights: dict[str, str]


class FacetValueSchema(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetSchema(Schema):
    key: str
    label: str
    values: list[FacetValueSchema]


class SearchResponse(Schema):
    total: int
    page: int
    page_size: int
    num_pages: int
    sort: str
    backend: str
    did_you_mean: str | None = Field(
        description="A better-spelled query from the databank's own words when `q` found little or nothing."
    )
    corrected: bool = Field(
        description="`true` when `q` found nothing and `results`/`facets` are those of `did_you_mean`."
    )
    results: list[HitSchema]
    facets: list[FacetSchema]


class SimilarKitSchema(Schema):
    id: int
    title: str
    url: str
    summary: str
    duration_minutes: int
    facets: dict[str, list[FacetTermSchema]]


class SuggestionSchema(Schema):
    id: int
    title: str
    url: str


class SearchQuery(Schema):
    q: str = ""
    sort: SortParam = None
    page: IntParam = None
    page_size: PageSizeParam = None
    target_group: list[str] = []
    theme: list[str] = []
    tech_world: list[str] = []
    core_goal: list[str] = []
    duration: list[str] = []
    material_kind: list[str] = []
    region: list[str] = []
    partner: list[str] = []
    licence: list[str] = []
    lending: list[str] = []


def _int(value: str | None, name: str, default: int, errors: dict[str, str]) -> int:
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError:
        errors[name] = _("Enter a whole number.")
        return default


def params_from_querydict(data) -> SearchParams:
    """Search parameters from a GET query dict (shared by the API and the HTML page); may raise 400-errors."""
    errors: dict[str, str] = {}
    for name in data:
        if name not in SEARCH_PARAMS:
            errors[name] = _("Unknown parameter.")
    params = SearchParams(
        q=data.get("q", ""),
        sort=data.get("sort") or "",
        page=_int(data.get("page"), "page", 1, errors),
        page_size=_int(data.get("page_size"), "page_size", 20, errors),
        filters={key: [v for v in data.getlist(key) if v] for key in FACET_KEYS},
    )
    try:
        params.validate()
    except InvalidSearchParams as invalid:
        errors.update(invalid.errors)
    if errors:
        raise InvalidSearchParams(errors)
    return params


def serialize(results: SearchResults) -> dict:
    return {
        "total": results.total,
        "page": results.params.page,
        "page_size": results.params.page_size,
        "num_pages": results.num_pages,
        "sort": results.params.sort,
        "backend": results.backend,
        "did_you_mean": results.did_you_mean,
        "corrected": results.corrected,
        "results": results.hits,
        "facets": [
            {"key": key, "label": str(FACET_LABELS[key]), "values": values}
            for key, values in results.facets.items()
        ],
    }


@router.get(
    "/search",
    response={200: SearchResponse, 400: ProblemSchema},
    summary="Search the lesson-material databank",
    operation_id="databank_search",
    openapi_extra=openapi_examples(responses={200: examples.SEARCH}),
    description=(
        "Full-text search over published, public lesson kits (Dutch stemming, synonyms, attachment text) "
        "with facet counts. Filters: repeat a facet parameter for several values (OR within a facet, AND "
        "across facets); each facet's counts ignore its own selection. "
        f"Sort: {', '.join(SORTS)} (default relevance with a query, newest without). "
        f"page_size at most {MAX_PAGE_SIZE}. When `q` finds fewer than {services.FEW_HITS} kits and a close "
        "spelling from the databank's own words (titles, summaries, taxonomy labels, synonyms) finds more, "
        "`did_you_mean` holds it; when `q` found nothing, the results are those of `did_you_mean` and "
        "`corrected` is `true`. Unknown or invalid parameters give a 400 `application/problem+json` with a message per "
        "parameter in `errors`."
    ),
)
def search_view(request: HttpRequest, query: Query[SearchQuery]):
    params = params_from_querydict(request.GET)
    return Status(200, serialize(services.search(params, site=site_for_request(request))))


@router.get(
    "/suggest",
    response={200: list[SuggestionSchema], 400: ProblemSchema},
    summary="Autocomplete lesson-kit titles",
    operation_id="databank_suggest",
    openapi_extra=openapi_examples(responses={200: examples.SUGGESTIONS}),
    description=(
        "Titles of searchable kits matching the words typed so far (the last word as a prefix). When "
        "nothing matches, a typo is forgiven: the words and the beginning of the last word are replaced "
        "by the closest the databank knows (`spagett` completes to *De hoogste spaghettitoren*)."
    ),
)
def suggest_view(request: HttpRequest, q: SuggestText, limit: SuggestLimitParam = None):
    errors: dict[str, str] = {}
    size = _int(limit, "limit", 8, errors)
    if not re.search(NOT_BLANK, q):
        errors["q"] = _("Enter at least one character.")
    if not 1 <= size <= 20:
        errors["limit"] = _("The limit must be between 1 and %(max)s.") % {"max": 20}
    if errors:
        raise InvalidSearchParams(errors)
    return Status(200, services.suggest(q, size))


@router.get(
    "/kits/{kit_id}/similar",
    response={200: list[SimilarKitSchema], 400: ProblemSchema, 404: ProblemSchema},
    summary="Lesson kits similar to a kit",
    operation_id="databank_similar_kits",
    openapi_extra=openapi_examples(responses={200: examples.SIMILAR}),
    description=(
        f"Up to {services.SIMILAR_LIMIT} published, public lesson kits most like this one, best first: "
        "shared words in title and summary plus shared themes, technology worlds, core goals and target "
        "groups (Elasticsearch: `more_like_this` plus the same shared terms). Never the kit itself, never "
        "drafts or private kits. A kit that is not published and public answers 404."
    ),
)
def similar_view(request: HttpRequest, kit_id: Id):
    kits = services.similar_kits(kit_id)
    if kits is None:
        raise NotFound(_("Not found"))
    return Status(200, kits)
