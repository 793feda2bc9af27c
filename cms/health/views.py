"""``/healthz`` (the process answers) and ``/readyz`` (its dependencies answer, backlogs within limits)."""

import json

from django.http import HttpRequest, HttpResponse

from . import checks


def _json(data: dict, status: int = 200) -> HttpResponse:
    response = HttpResponse(json.dumps(data), content_type="application/json", status=status)
    response["Cache-Control"] = "no-store"
    return response


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: no database, no cache; if this does not answer, restart the process."""
    return _json({"status": "ok"})


def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness: 200 when every check passes, 503 with each check's status when one fails."""
    results = checks.run_all()
    ready = all(result.ok for result in results.values())
    body = {
        "status": "ok" if ready else "fail",
        "checks": {
            name: {"status": r.status, "detail": r.detail, "duration_ms": r.duration_ms}
            for name, r in results.items()
        },
    }
    return _json(body, 200 if ready else 503)
