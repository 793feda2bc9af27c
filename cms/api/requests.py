"""Reading request bodies under ``/api/v3/``: one size, depth and media-type rule for every endpoint.

:func:`refuse_bad_body` runs in the API middleware before any view: a body must be
``application/json`` (``multipart/form-data`` is left to the endpoints that take uploads), at most
``API_MAX_BODY_BYTES`` long, nested at most :data:`MAX_JSON_DEPTH` deep and plain JSON (no
``NaN``/``Infinity``). Anything else is a problem: 400 (``too_large``, ``too_deep``,
``invalid_json``) or 415 (``unsupported_media_type``), so a cross-site form cannot post a
``text/plain`` body without a CORS preflight and no parser meets a body it cannot handle.

Endpoints then read the body with :func:`request_json` (ninja does so through :class:`JSONParser`;
our form-backed endpoints through :func:`json_form_data`).
"""

import json
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from cms.errors import DomainError, InvalidInput, UnsupportedMediaType

from .errors import domain_problem

DEFAULT_MAX_BODY_BYTES = 64 * 1024
#: Deep enough for any body we document, far below Python's recursion limit.
MAX_JSON_DEPTH = 32
JSON_MEDIA_TYPE = "application/json"
#: Bodies left to Django's own parsing and limits (``DATA_UPLOAD_MAX_*``): file uploads.
FORM_MEDIA_TYPES = ("multipart/form-data",)
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_CACHE_ATTR = "_api_json_body"


def max_body_bytes() -> int:
    return int(getattr(settings, "API_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES))


def _refusal(status: int, message: str, code: str) -> DomainError:
    error_class = UnsupportedMediaType if status == 415 else InvalidInput
    return error_class(message, code=code)


def _too_large() -> DomainError:
    return _refusal(400, _("The request is too large."), "too_large")


def _invalid_json() -> DomainError:
    return _refusal(400, _("The request body is not valid JSON."), "invalid_json")


def _reject_constant(name: str) -> None:
    raise ValueError(name)  # NaN and Infinity are Python's extension, not JSON


def _depth(text: str) -> int:
    """How deep arrays and objects nest in ``text`` (strings left out), without parsing it."""
    depth = deepest = 0
    for char in _STRINGS.sub("", text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _media_type(request: HttpRequest) -> str:
    return (request.content_type or "").lower()


def _has_body(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > 0
    except ValueError:
        return True


def decode_json(request: HttpRequest) -> Any:
    """The body as JSON, checked once per request; raises a :class:`~cms.errors.DomainError` (400/415)."""
    if hasattr(request, _CACHE_ATTR):
        return getattr(request, _CACHE_ATTR)
    if _has_body(request) and _media_type(request) != JSON_MEDIA_TYPE:
        message = _("Send the request body as JSON with Content-Type: application/json.")
        raise _refusal(415, message, "unsupported_media_type")
    limit = max_body_bytes()
    try:
        if int(request.META.get("CONTENT_LENGTH") or 0) > limit or len(request.body) > limit:
            raise _too_large()
    except (ValueError, RequestDataTooBig):
        raise _too_large() from None
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise _invalid_json() from None
    if _depth(text) > MAX_JSON_DEPTH:
        raise _refusal(400, _("The JSON in the request is nested too deeply."), "too_deep")
    try:
        payload = json.loads(text or "null", parse_constant=_reject_constant)
    except ValueError:
        raise _invalid_json() from None
    setattr(request, _CACHE_ATTR, payload)
    return payload


def refuse_bad_body(request: HttpRequest) -> HttpResponse | None:
    """A problem response for a body no API endpoint may receive, else ``None`` (run before the view)."""
    if request.method not in BODY_METHODS or not _has_body(request):
        return None
    if _media_type(request) in FORM_MEDIA_TYPES:
        return None
    try:
        decode_json(request)
    except DomainError as error:
        return domain_problem(request, error)
    return None


def request_json(request: HttpRequest) -> Any:
    """The JSON body of a request that passed :func:`refuse_bad_body` (415 for a form upload)."""
    if _media_type(request) in FORM_MEDIA_TYPES:
        message = _("Send the request body as JSON with Content-Type: application/json.")
        raise _refusal(415, message, "unsupported_media_type")
    return decode_json(request)


class JSONParser(Parser):
    """Ninja's body parser with our limits (its wrapping ``HttpError`` keeps our problem as cause)."""

    def parse_body(self, request: HttpRequest) -> Any:
        return request_json(request)


def strict_errors(schema: type[BaseModel], payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Type errors of ``payload`` against ``schema`` (a :class:`~cms.api.schema_types.StrictBody`), located
    in the body; missing fields are left to the form, which names them in its own words."""
    try:
        schema.model_validate(payload)
    except PydanticValidationError as invalid:
        return [
            {"type": e["type"], "loc": ["body", *e["loc"]], "msg": e["msg"], "ctx": e.get("ctx", {})}
            for e in invalid.errors(include_url=False, include_input=False)
            if e["type"] != "missing"
        ]
    return []


def json_form_data(request: HttpRequest, schema: type[BaseModel]) -> dict[str, Any]:
    """The body's JSON object as form data for a form-backed endpoint.

    Values must have the types ``schema`` declares (else a 400 with field errors, as for any
    schema); the form then checks the rules.
    """
    payload = request_json(request)
    if not isinstance(payload, dict) or not payload:
        message = _("Send a JSON object with the fields described in the API documentation.")
        raise _refusal(400, message, "invalid_json")
    if errors := strict_errors(schema, payload):
        raise NinjaValidationError(errors)
    return {k: v for k, v in payload.items() if isinstance(v, str | int | float | bool) or v is None}
