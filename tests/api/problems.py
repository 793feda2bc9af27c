"""Assertions for the API's one error format (RFC 7807 ``application/problem+json``), shared by app tests."""

import json
from typing import Any


def assert_problem(response, status: int) -> dict[str, Any]:
    """The response is a problem with ``status``; returns its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    for error in body.get("errors", []):
        assert set(error) >= {"type", "loc", "msg"}, error
        assert isinstance(error["msg"], str) and error["msg"], error
    return body


def errors_at(body: dict[str, Any], *loc: str | int) -> list[str]:
    """The messages of the field errors at exactly ``loc`` (e.g. ``"body", "email"``)."""
    return [error["msg"] for error in body.get("errors", []) if error["loc"] == list(loc)]


def error_fields(body: dict[str, Any], source: str = "body") -> set[str]:
    """Names of the fields with errors from ``source``; ``"__all__"`` for errors on the whole body."""
    return {
        error["loc"][1] if len(error["loc"]) > 1 else "__all__"
        for error in body.get("errors", [])
        if error["loc"][0] == source
    }
