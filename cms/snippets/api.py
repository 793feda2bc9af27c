"""JSON API for reference data, mounted on Wagtail's API v3: ``/api/v3/schools/``, finding a school.

A public form (and an API client) names a known school by its id; this is how it finds that id from
what a teacher types. Apps whose forms take only some schools serve their own list with the same
schemas and :func:`school_matches` (bookings: ``/api/v3/bookings/schools/``).
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from cms import ratelimit
from cms.api.errors import ProblemSchema
from cms.api.examples import openapi_examples
from cms.api.routers import register_router

from .models import School
from .queries import SCHOOLS_LISTED, find_schools

router = Router(tags=["schools"])


class SchoolOut(Schema):
    id: int
    name: str
    brin_code: str
    city: str
    school_type: str = Field(description="`po`, `sbo`, `vmbo`, `pro`, `vso` or `mbo`.")


class SchoolMatchesOut(Schema):
    items: list[SchoolOut]
    more: bool = Field(
        description="More schools match than are listed: type more of the name, or the BRIN code."
    )


class SchoolQuery(Schema):
    q: str = Field(
        min_length=2,
        max_length=200,
        description="A BRIN code (`12AB`, or `12AB00` for one location) or part of the school's name.",
        examples=["regenboog"],
    )


SCHOOLS_EXAMPLE = {
    "items": [
        {"id": 8, "name": "OBS De Regenboog", "brin_code": "12AB", "city": "Rotterdam", "school_type": "po"},
        {
            "id": 14,
            "name": "CBS De Regenboog Noord",
            "brin_code": "17CD",
            "city": "Capelle aan den IJssel",
            "school_type": "po",
        },
    ],
    "more": False,
}


def school_matches(request: HttpRequest, query: str, schools: QuerySet[School] | None = None) -> dict:
    """The answer of a school look-up endpoint: at most ten matches and whether there are more."""
    ratelimit.check(request, "school_lookup")
    matches = find_schools(query, schools)
    return {"items": matches[:SCHOOLS_LISTED], "more": len(matches) > SCHOOLS_LISTED}


@router.get(
    "/",
    response={200: SchoolMatchesOut, 400: ProblemSchema, 429: ProblemSchema},
    operation_id="schools_find",
    summary="Find a school",
    description=(
        "Known schools of every type for a BRIN code or part of a name, at most 10, an exact name or "
        "code first: the `school_id` of a challenge team. A school that is not listed registers with "
        "the `school_*` fields instead. The public forms suggest schools from this list while a "
        "teacher types."
    ),
    openapi_extra=openapi_examples(responses={200: SCHOOLS_EXAMPLE}),
)
def find_any_school(request: HttpRequest, query: Query[SchoolQuery]):
    return school_matches(request, query.q)


def register() -> None:
    register_router("/schools/", router)
