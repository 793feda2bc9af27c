"""Reading the JSON body of our write endpoints (bookings, event and team registrations).

Those endpoints validate with the same Django form as their HTML twin, so the body is read as
form data here instead of by a ninja schema: the client gets the form's (Dutch) field messages
in a 400 instead of ninja's generic 422.
"""

import json
import uuid
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from .errors import APIError, field_error

DEFAULT_MAX_BODY_BYTES = 16 * 1024


def body_errors(field: str | None, message: str, code: str) -> list[dict[str, Any]]:
    """``errors`` with one entry for ``field`` of the body (or the whole body)."""
    return [field_error(["body", field] if field else ["body"], message, code)]


def json_form_data(request: HttpRequest, *, max_bytes: int = DEFAULT_MAX_BODY_BYTES) -> dict[str, Any]:
    """The body's JSON object as form data: its scalar values, plus an ``idempotency_key``.

    The key comes from the ``Idempotency-Key`` header, else the body, else a new one, so a client
    that retries with the same key gets the first result. Raises :class:`APIError` 400 with code
    ``too_large`` or ``invalid_json``.
    """
    if int(request.META.get("CONTENT_LENGTH") or 0) > max_bytes or len(request.body) > max_bytes:
        message = _("The request is too large.")
        raise APIError(400, message, errors=body_errors(None, message, "too_large"), code="too_large")
    try:
        payload = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict) or not payload:
        message = _("Send a JSON object with the fields described in the API documentation.")
        raise APIError(400, message, errors=body_errors(None, message, "invalid_json"), code="invalid_json")
    data = {k: v for k, v in payload.items() if isinstance(v, str | int | float | bool) or v is None}
    data["idempotency_key"] = (
        request.headers.get("Idempotency-Key") or data.get("idempotency_key") or uuid.uuid4().hex
    )
    return data
