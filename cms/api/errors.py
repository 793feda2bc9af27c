"""One error format for the whole API: RFC 7807 ``application/problem+json``, as Wagtail's v3 uses.

Wagtail (``wagtail.api.v3.errors``) already maps validation errors (422), 401/403, 404, ``HttpError``
and rich-text errors to problem responses on the NinjaAPI. We keep those and add what it leaves to
Django's HTML pages:

- unhandled exceptions: a problem response with status 500 (logged and signalled like Django does),
  without internals unless ``DEBUG``;
- :class:`~cms.errors.DomainError` (any subclass, raised by services or endpoints): a problem with
  its status, message (``detail``), ``code`` and extension members, see :func:`domain_problem`;
- 404 for unknown paths and 405 for unsupported methods under ``/api/v3/`` (see ``middleware.py``).

Endpoints call services and let their errors propagate; form-backed endpoints raise
:func:`invalid_form` for a form's field errors. Code that must answer outside a view (middleware)
uses :func:`domain_problem` or :func:`problem`.

Field errors have Wagtail's shape (see ``wagtail.api.v3.errors``): a list of
``{"type": <error code>, "loc": [<location>, <field>], "msg": <message>}``; ``loc`` starts with
where the value came from (``"body"``, ``"form"``, ``"query"``, ``"path"``) like ninja's 422s.
Apps may add extension members (RFC 7807 section 3.2), e.g. ``code`` (a stable machine-readable
reason) or ``waitlist_available``. Endpoints declare their error statuses with
:class:`ProblemSchema` (or a subclass adding extension members), e.g.
``response={200: Out, 400: ProblemSchema, 409: FullProblem}``; :func:`problem_media_types` makes the
OpenAPI schema list those responses as ``application/problem+json``.
"""

import json
import logging
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core import signals
from django.core.exceptions import SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import PROBLEM_JSON, build_problem_detail

from cms.errors import DomainError, InvalidInput

from .examples import problem_example
from .openapi import document_contract

__all__ = [
    "PROBLEM_JSON",
    "FormInvalid",
    "ProblemFieldError",
    "ProblemSchema",
    "domain_problem",
    "field_error",
    "form_errors",
    "invalid_form",
    "problem",
    "problem_media_types",
    "register_exception_handlers",
]


class ProblemFieldError(Schema):
    """One field error, in Wagtail's (and ninja's 422) shape."""

    type: str = Field(description="Error code, e.g. `required` or `invalid`.", examples=["required"])
    loc: list[str | int] = Field(
        description="Where the value is: its source (`body`, `form`, `query`, `path`) and field name.",
        examples=[["body", "email"]],
    )
    msg: str = Field(description="Human-readable message in the request's language.")


class ProblemSchema(Schema):
    """An RFC 7807 problem (``application/problem+json``): the body of every API error response."""

    type: str = Field(description="Problem type URI.", examples=["about:blank"])
    title: str = Field(description="The HTTP status phrase.", examples=["Bad Request"])
    status: int = Field(description="The HTTP status code.", examples=[400])
    detail: str = Field("", description="What went wrong, in the request's language.")
    code: str | None = Field(
        None, description="Stable machine-readable reason (extension member).", examples=["invalid"]
    )
    errors: list[ProblemFieldError] | None = Field(None, description="Field errors, if any.")


#: Properties every problem schema in the OpenAPI document has (used to recognise them).
PROBLEM_PROPERTIES = frozenset({"type", "title", "status", "detail", "errors"})

logger = logging.getLogger("django.request")


#: Statuses that refuse the input itself: their problem lists the error in ``errors`` even without
#: a field (``loc`` is then just the source), like Django's non-field form errors.
INPUT_STATUSES = frozenset({400, 409, 415})


def input_source(request: HttpRequest) -> str:
    """Where a request's input is, for ``loc``: ``query`` (GET/HEAD), ``form`` (multipart) or ``body``."""
    if request.method in ("GET", "HEAD"):
        return "query"
    if (request.content_type or "").lower() == "multipart/form-data":
        return "form"
    return "body"


class FormInvalid(InvalidInput):
    """A form-backed endpoint's form refused the input: its field errors, in the API's shape."""

    def __init__(self, message: str, errors: list[dict[str, Any]]):
        super().__init__(message, code="invalid")
        self.errors = errors


def invalid_form(form, message: str, *, names: Mapping[str, str] | None = None) -> FormInvalid:
    """The error to raise for a bound form that is not valid (400 with a message per field).

    ``names`` renames form fields to the API's names (e.g. ``{"school": "school_id"}``).
    """
    source = "form" if form.is_multipart() else "body"
    return FormInvalid(message, form_errors(form, source=source, names=names))


def domain_problem(request: HttpRequest, error: DomainError) -> HttpResponse:
    """The problem for a domain error: its status, message, ``code``, extension members and field errors.

    A ``field`` (or ``field_errors``) becomes ``errors`` at ``[<source>, <field>]``; an input
    refusal without a field gets one entry at ``[<source>]``.
    """
    source = input_source(request)
    if isinstance(error, FormInvalid):
        errors = error.errors
    else:
        errors = [field_error([source, name], msg, error.code) for name, msg in error.field_errors.items()]
    if not errors and error.status in INPUT_STATUSES:
        loc = [source, error.field] if error.field else [source]
        errors = [field_error(loc, error.message, error.code)]
    detail = error.message or HTTPStatus(error.status).phrase
    return problem(error.status, detail, errors=errors, code=error.code, **error.extensions)


def problem(
    status: int,
    detail: str = "",
    *,
    errors: list[dict[str, Any]] | None = None,
    title: str | None = None,
    **extensions: Any,
) -> HttpResponse:
    """An ``application/problem+json`` response: ``{"type", "title", "status", "detail", "errors"}``.

    Keyword arguments beyond those become extension members (``code="full", waitlist_available=True``);
    ``None`` values are left out, like Wagtail leaves out empty ``errors``.
    """
    body = build_problem_detail(status=status, detail=str(detail), title=title).model_dump(exclude_none=True)
    if errors:
        body["errors"] = errors
    body.update({name: value for name, value in extensions.items() if value is not None})
    return HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_JSON,
    )


@csrf_exempt
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Any other path under ``/api/v3/``, for every method: a 404 problem (not Wagtail's page serving,
    whose CSRF check would answer an unknown POST with a 403 HTML page)."""
    return problem(404, _("Not found"))


def field_error(loc: Iterable[str | int], msg: str, type: str = "invalid") -> dict[str, Any]:
    """One entry of ``errors``: ``{"type", "loc", "msg"}`` (Wagtail's shape)."""
    return {"type": type, "loc": list(loc), "msg": str(msg)}


def form_errors(
    form, *, source: str = "body", names: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """A bound Django form's errors as problem ``errors``, keeping Django's error codes.

    ``names`` renames form fields to the API's names (e.g. ``{"school": "school_id"}``); errors not
    tied to a field (``__all__``) get ``loc == [source]``.
    """
    names = names or {}
    errors = []
    for name, messages in form.errors.get_json_data().items():
        loc = [source] if name == "__all__" else [source, names.get(name, name)]
        errors.extend(field_error(loc, m["message"], m["code"] or "invalid") for m in messages)
    return errors


def _is_problem_schema(schema: dict[str, Any], components: Mapping[str, Any]) -> bool:
    ref = schema.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        schema = components.get(ref.rsplit("/", 1)[-1], {})
    return set(schema.get("properties", {})) >= PROBLEM_PROPERTIES


def problem_media_types(openapi: dict[str, Any]) -> dict[str, Any]:
    """Declare error responses whose schema is a problem schema as ``application/problem+json``.

    Each gets a generic example unless its route gave one (``examples.openapi_examples``).

    Ninja lists every response under the renderer's ``application/json``; the API actually answers
    errors as ``application/problem+json``, so the document says so.
    """
    components = openapi.get("components", {}).get("schemas", {})
    for path_item in openapi.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if not str(status).isdigit() or int(status) < 400 or "application/json" not in content:
                    continue
                if _is_problem_schema(content["application/json"].get("schema", {}), components):
                    media = content[PROBLEM_JSON] = content.pop("application/json")
                    media.setdefault("example", problem_example(int(status)))
    return openapi


def register_problem_schema_media_types(api: NinjaAPI) -> None:
    """Run :func:`problem_media_types` over the API's OpenAPI document (idempotent)."""
    if getattr(api.get_openapi_schema, "_problem_media_types", False):
        return
    original = api.get_openapi_schema

    def get_openapi_schema(*args: Any, **kwargs: Any):
        return problem_media_types(document_contract(original(*args, **kwargs)))

    get_openapi_schema._problem_media_types = True  # type: ignore[attr-defined]
    api.get_openapi_schema = get_openapi_schema  # type: ignore[method-assign]


#: Exceptions Wagtail answers with 422 "Validation failed"; bad input is a 400 in our API.
VALIDATION_ERRORS = (NinjaValidationError, PydanticValidationError, DjangoValidationError)


def _as_400(response: HttpResponse) -> HttpResponse:
    body = json.loads(response.content)
    body.update(status=400, title=HTTPStatus.BAD_REQUEST.phrase, code="invalid")
    response.content = json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False)
    response.status_code = 400
    return response


def register_exception_handlers(api: NinjaAPI) -> None:
    """Add our handlers next to Wagtail's (idempotent: handlers are keyed by exception class).

    Any :class:`~cms.errors.DomainError` becomes its problem (:func:`domain_problem`). Wagtail's
    validation problems keep their body but become 400s (bad input is a 400 everywhere under
    /api/v3/; the middleware translates them); a body ninja's parser refused is the domain error
    our parser raised (ninja wraps it in an English ``HttpError``); a body beyond Django's upload
    limits is a 400.
    """
    if getattr(api, "_cms_exception_handlers", False):
        return
    api._cms_exception_handlers = True  # type: ignore[attr-defined]
    wagtail_validation_handler = api._exception_handlers[NinjaValidationError]
    http_error_handler = api._exception_handlers[HttpError]

    @api.exception_handler(DomainError)
    def domain_error_handler(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return domain_problem(request, exc)

    for exception in VALIDATION_ERRORS:

        @api.exception_handler(exception)
        def validation_error_handler(request: HttpRequest, exc: Exception) -> HttpResponse:
            return _as_400(wagtail_validation_handler(request, exc))

    @api.exception_handler(HttpError)
    def http_error_handler_(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, DomainError):
            return domain_problem(request, exc.__cause__)
        return http_error_handler(request, exc)

    @api.exception_handler(SuspiciousOperation)
    def suspicious_operation_handler(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
        message = _("The request is too large or malformed.")
        return problem(400, message, errors=[field_error(["body"], message, "too_large")], code="too_large")

    @api.exception_handler(Exception)
    def unhandled_exception_handler(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Same side effects as Django's own 500 handling: the error is logged (mail_admins in
        # production) and the test client re-raises it.
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exc,
            extra={"status_code": 500, "request": request},
        )
        signals.got_request_exception.send(sender=None, request=request)
        detail = str(exc) if settings.DEBUG else _("Internal server error")
        return problem(500, detail)
