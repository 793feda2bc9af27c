"""POST /api/v3/contributions/: the login-free API twin of the contribution form.

The multipart body is validated by :class:`~cms.editorial.forms.ContributionForm` (not by
ninja's schema) so API clients get the same Dutch messages as the HTML form.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from cms import ratelimit
from cms.api.errors import ProblemSchema, invalid_form
from cms.api.examples import openapi_examples
from cms.api.routers import register_router
from cms.files.uploads import ALLOWED_TYPES

from . import api_examples as examples
from .contributions import submit_contribution
from .forms import ContributionForm
from .preview import preview_content, resolve_preview_token
from .views import too_many_submissions

router = Router(tags=["contributions"])


class ContributionOut(Schema):
    id: int
    status: str
    message: str


_MULTIPART_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [
                        "title",
                        "description",
                        "target_groups",
                        "duration_minutes",
                        "files",
                        "contributor_name",
                        "contributor_email",
                        "licence_consent",
                    ],
                    "properties": {
                        "title": {"type": "string", "maxLength": 255},
                        "description": {"type": "string", "maxLength": 5000},
                        "target_groups": {
                            "type": "array",
                            "items": {"type": "integer"},
                            "description": "Target group ids (repeat the field).",
                        },
                        "themes": {"type": "array", "items": {"type": "integer"}},
                        "duration_minutes": {"type": "integer", "minimum": 5, "maximum": 600},
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Allowed: " + ", ".join(sorted(ALLOWED_TYPES)),
                        },
                        "contributor_name": {"type": "string"},
                        "contributor_email": {"type": "string", "format": "email"},
                        "licence_consent": {"type": "boolean"},
                        "website": {"type": "string", "description": "Honeypot: leave empty."},
                    },
                },
                "example": examples.CONTRIBUTION_REQUEST,
            }
        },
    }
}


@router.post(
    "/",
    response={201: ContributionOut, 400: ProblemSchema, 429: ProblemSchema},
    summary="Share lesson material",
    operation_id="contributions_create",
    description=(
        "Creates a draft lesson kit in the review queue. No login; rate limited per IP (429). "
        'A 400 problem lists field errors in `errors` with `loc` `["form", <field>]`.'
    ),
    openapi_extra=_MULTIPART_BODY | openapi_examples(responses={201: examples.CONTRIBUTION}),
)
def create_contribution(request: HttpRequest):
    ratelimit.check(request, "editorial.contributions", too_many_submissions())
    form = ContributionForm(request.POST, request.FILES)
    if not form.is_valid():
        raise invalid_form(form, _("Your submission contains errors."))
    contribution = submit_contribution(form.to_data())
    return Status(
        201,
        {
            "id": contribution.pk,
            "status": contribution.status,
            "message": _("Thank you! Our editors will review your material."),
        },
    )


preview_router = Router(tags=["preview"])


class PreviewOut(Schema):
    id: int
    type: str
    title: str
    revision_id: int
    content: dict


@preview_router.get(
    "/",
    response={200: PreviewOut, 403: ProblemSchema, 400: ProblemSchema},
    summary="Preview a draft",
    operation_id="preview_detail",
    description=(
        "The draft behind a signed, expiring preview token (issued to editors in the admin), without "
        "internal comments. Never cached (`Cache-Control: private, no-store`)."
    ),
    openapi_extra=openapi_examples(responses={200: examples.PREVIEW}),
)
def get_preview(request: HttpRequest, token: str, response: HttpResponse):
    add_never_cache_headers(response)  # a draft is for the token holder only, never a shared cache
    revision = resolve_preview_token(token)
    page = revision.as_object()
    return Status(
        200,
        {
            "id": page.pk,
            "type": page._meta.label,
            "title": page.title,
            "revision_id": revision.pk,
            "content": preview_content(revision),
        },
    )


def register() -> None:
    register_router("/contributions/", router)
    register_router("/preview/", preview_router)
