"""Health endpoints before everything else, and one structured log line per request.

:class:`RequestLogMiddleware` is the first middleware: it answers ``/healthz`` and ``/readyz`` itself,
so a load balancer's probe (plain HTTP, its own Host header, every few seconds) skips the host check,
the HTTPS redirect, sessions, rate limits and the request log. Every other request gets a request
id (the proxy's ``X-Request-ID`` when it sends one), echoed as ``X-Request-ID``, and one JSON line
(logger ``cms.requests``) with method, path, status and duration.
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .logs import new_request_id, request_id_var
from .views import healthz, readyz

logger = logging.getLogger("cms.requests")

PROBES: dict[str, Callable[[HttpRequest], HttpResponse]] = {"/healthz": healthz, "/readyz": readyz}


def _loggable_path(request: HttpRequest) -> str:
    """The path, or its URL pattern when the path carries a secret (booking and cancel tokens)."""
    match = getattr(request, "resolver_match", None)
    if match is not None and "token" in match.kwargs:
        return "/" + match.route
    return request.path


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.header = getattr(settings, "REQUEST_ID_HEADER", "HTTP_X_REQUEST_ID")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info.rstrip("/") or "/")
        if probe is not None and request.method in ("GET", "HEAD"):
            response = probe(request)
            response._has_been_logged = True  # a 503 probe is no error for django.request to report
            return response
        request_id = new_request_id(request.META.get(self.header))
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            path = _loggable_path(request)
            logger.log(
                logging.ERROR if status >= 500 else logging.INFO,
                "%s %s %s",
                request.method,
                path,
                status,
                extra={
                    "event": "request",
                    "request_id": request_id,
                    "method": request.method,
                    "path": path,
                    "status": status,
                    "duration_ms": duration_ms,
                },
            )
            request_id_var.reset(token)
