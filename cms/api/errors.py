"""One error format for the whole API: RFC 7807 ``application/problem+json``, as Wagtail's v3 uses.

Wagtail (``wagtail.api.v3.errors``) already maps validation errors (422), 401/403, 404, ``HttpError``
and rich-text errors to problem responses on the NinjaAPI. We keep those and add what it leaves to
Django's HTML pages:

- unhandled exceptions: a problem response with status 500 (logged and signalled like Django does),
  without internals unless ``DEBUG``;
- :class:`APIError`, a domain exception apps can raise (or subclass) for 400/409-style refusals;
- 404 for unknown paths and 405 for unsupported methods under ``/api/v3/`` (see ``middleware.py``).

Endpoint code that wants to return an error itself can use :func:`problem`.
"""

import logging
from typing import Any

from django.conf import settings
from django.core import signals
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response

__all__ = ["PROBLEM_JSON", "APIError", "problem", "register_exception_handlers"]

logger = logging.getLogger("django.request")


class APIError(Exception):
    """A refusal with a status and a human-readable (translated) detail, e.g. ``APIError(409, _("Full"))``."""

    def __init__(self, status: int, detail: str, *, errors: list[dict[str, Any]] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors


def problem(
    status: int, detail: str = "", *, errors: list[dict[str, Any]] | None = None, title: str | None = None
) -> HttpResponse:
    """An ``application/problem+json`` response: ``{"type", "title", "status", "detail", "errors"}``."""
    return problem_response(status=status, detail=str(detail), errors=errors, title=title)


def register_exception_handlers(api: NinjaAPI) -> None:
    """Add our handlers next to Wagtail's (idempotent: handlers are keyed by exception class)."""

    @api.exception_handler(APIError)
    def api_error_handler(request: HttpRequest, exc: APIError) -> HttpResponse:
        return problem(exc.status, exc.detail, errors=exc.errors)

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
