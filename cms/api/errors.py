"""One error format for the whole API: RFC 7807 ``application/problem+json``, as Wagtail's v3 uses.

Wagtail (``wagtail.api.v3.errors``) already maps validation errors (422), 401/403, 404, ``HttpError``
and rich-text errors to problem responses on the NinjaAPI. We keep those and add what it leaves to
Django's HTML pages:

- unhandled exceptions: a problem response with status 500 (logged and signalled like Django does),
  without internals unless ``DEBUG``;
- :class:`APIError`, a domain exception apps can raise (or subclass) for 400/409-style refusals;
- 404 for unknown paths and 405 for unsupported methods under ``/api/v3/`` (see ``middleware.py``).

Endpoint code that wants to return an error itself can use :func:`problem`.

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
from typing import Any

from django.conf import settings
from django.core import signals
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from wagtail.api.v3.errors import PROBLEM_JSON, build_problem_detail

from .examples import problem_example

__all__ = [
    "PROBLEM_JSON",
    "APIError",
    "ProblemFieldError",
    "ProblemSchema",
    "field_error",
    "form_errors",
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


class APIError(Exception):
    """A refusal with a status and a human-readable (translated) detail, e.g. ``APIError(409, _("Full"))``."""

    def __init__(
        self, status: int, detail: str, *, errors: list[dict[str, Any]] | None = None, **extensions: Any
    ):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.extensions = extensions


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
        return problem_media_types(original(*args, **kwargs))

    get_openapi_schema._problem_media_types = True  # type: ignore[attr-defined]
    api.get_openapi_schema = get_openapi_schema  # type: ignore[method-assign]


def register_exception_handlers(api: NinjaAPI) -> None:
    """Add our handlers next to Wagtail's (idempotent: handlers are keyed by exception class)."""

    @api.exception_handler(APIError)
    def api_error_handler(request: HttpRequest, exc: APIError) -> HttpResponse:
        return problem(exc.status, exc.detail, errors=exc.errors, **exc.extensions)

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
