"""Make the OpenAPI document say what the API does (run over the whole document, Wagtail's routes too).

- Bad input is a 400 under /api/v3/ (see ``errors.register_exception_handlers``): the 422 responses
  Wagtail and ninja declare are documented as 400.
- ``limit`` has the maximum ``WAGTAILAPI_LIMIT_MAX`` that Wagtail's pagination enforces, and
  ``offset`` the database's range that the middleware enforces.
- Operations that need credentials declare the 401 problem anonymous callers get; Wagtail's
  optional authentication (``AllowAnonymous``, not a security scheme) is written the OpenAPI way,
  as an empty requirement ``{}``.
- Every operation with parameters or a body declares the 400 (bad input) and 404 (unknown
  object or path) problems every route under /api/v3/ can answer.
- A route that declares its own JSON media type for a response (``application/geo+json``) answers
  with that type only, so ninja's default ``application/json`` entry is dropped.
"""

from typing import Any

from django.conf import settings

from .schema_types import MAX_DB_INT

JSON = "application/json"
PROBLEM_SCHEMA_REF = "#/components/schemas/ProblemSchema"
OPERATION_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def _bound_pagination(parameters: list[dict[str, Any]]) -> None:
    for parameter in parameters:
        if parameter.get("in") != "query":
            continue
        schema = parameter.get("schema", {})
        if parameter.get("name") == "limit":
            schema.update(minimum=1, maximum=int(getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100)))
        elif parameter.get("name") == "offset":
            schema.update(minimum=0, maximum=MAX_DB_INT)


def _validation_is_400(responses: dict[Any, Any]) -> None:
    for key in (422, "422"):
        if key in responses:
            response = responses.pop(key)
            if 400 not in responses and "400" not in responses:
                responses["400"] = response


def _own_media_types_only(responses: dict[Any, Any]) -> None:
    for response in responses.values():
        content = response.get("content", {}) if isinstance(response, dict) else {}
        own = [media for media in content if media != JSON and media.endswith("+json")]
        if own and JSON in content:
            merged = {**content.pop(JSON), **content[own[0]]}
            content[own[0]] = merged


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}}}


def document_contract(openapi: dict[str, Any]) -> dict[str, Any]:
    """Apply the rules above to every operation of ``openapi`` (in place; returns it)."""
    for path_item in openapi.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in OPERATION_METHODS or not isinstance(operation, dict):
                continue
            _bound_pagination(operation.get("parameters", []))
            responses = operation.get("responses", {})
            _validation_is_400(responses)
            security = operation.get("security")
            if security:
                operation["security"] = [{} if s == {"AllowAnonymous": []} else s for s in security]
            if security and not {401, "401"} & set(responses):
                responses["401"] = _problem("Authentication required")
            if operation.get("parameters") or operation.get("requestBody"):
                for status, description in (("400", "Bad input"), ("404", "Not found")):
                    if status not in responses and int(status) not in responses:
                        responses[status] = _problem(description)
            _own_media_types_only(responses)
    return openapi
