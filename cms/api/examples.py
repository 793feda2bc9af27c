"""Examples in the OpenAPI document, so a front-end developer sees what a call looks like.

Routes pass ``openapi_extra=openapi_examples(request=..., responses={201: ...})``; ninja merges it
into the generated operation. Problem responses without an example of their own get a generic one
(:func:`problem_example`) when the document is built (see ``errors.problem_media_types``).
``tests/api/test_examples.py`` validates every example against its schema, so they cannot drift.
"""

from http import HTTPStatus
from typing import Any

from pydantic import BaseModel

MEDIA_TYPE = "application/json"

#: What a generic problem of each status says (Dutch, the API's default language).
PROBLEM_DETAILS = {
    400: ("Je invoer bevat fouten.", "invalid"),
    403: ("Deze link is verlopen of ongeldig.", "forbidden"),
    404: ("Niet gevonden.", "not_found"),
    409: ("Dit tijdslot is vol.", "full"),
    422: ("Validation failed", None),
    429: ("Te veel pogingen vanaf je adres. Probeer het later opnieuw.", "rate_limited"),
}


def openapi_examples(
    *,
    request: Any = None,
    responses: dict[int, Any] | None = None,
    request_schema: type[BaseModel] | None = None,
    media_type: str = MEDIA_TYPE,
    response_media_type: str = MEDIA_TYPE,
) -> dict[str, Any]:
    """``openapi_extra`` with an example request body and example responses (by status).

    ``request_schema`` documents a body the view parses itself (to answer bad input with our own
    400 instead of ninja's 422) as a required body of that schema.
    """
    extra: dict[str, Any] = {}
    body: dict[str, Any] = {}
    if request_schema is not None:
        body["schema"] = request_schema.model_json_schema()
        extra["requestBody"] = {"required": True}
    if request is not None:
        body["example"] = request
    if body:
        extra.setdefault("requestBody", {})["content"] = {media_type: body}
    if responses:
        extra["responses"] = {
            status: {"content": {response_media_type: {"example": example}}}
            for status, example in responses.items()
        }
    return extra


#: Field errors shown in the generic examples of statuses that have them.
GENERIC_FIELD_ERRORS = {
    400: {"type": "required", "loc": ["body", "email"], "msg": "Dit veld is verplicht."},
    422: {"type": "int_parsing", "loc": ["path", "page_id"], "msg": "Input should be a valid integer"},
}


def problem_example(
    status: int, detail: str | None = None, *, code: str | None = None, field: str | None = None, **extensions
) -> dict[str, Any]:
    """An ``application/problem+json`` body for ``status``: generic, or with the given detail and code
    (plus a field error at ``["body", field]`` and extension members)."""
    example: dict[str, Any] = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status}
    if detail is None:  # the generic example of the status
        example["detail"], code = PROBLEM_DETAILS.get(status, (HTTPStatus(status).phrase, None))
        if code:
            example["code"] = code
        if status in GENERIC_FIELD_ERRORS:
            example["errors"] = [GENERIC_FIELD_ERRORS[status]]
        return example
    example.update(detail=detail, code=code)
    if field:
        example["errors"] = [{"type": code, "loc": ["body", field], "msg": detail}]
    return {**example, **extensions}
