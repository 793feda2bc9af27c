"""Plugin proof: each app works with pages + snippets + the shared core + its real dependencies only.

Per app a fresh interpreter gets a minimal project (settings.py, urls.py here) on an empty database,
runs ``check`` and ``migrate`` and makes one public request (exercise.py). A hidden import of, or
URL name from, a sibling app fails here although the full suite (all apps installed) passes.
``NEEDS`` is what the README's app table documents.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The app's real dependencies beyond the core (cms.pages, cms.snippets, cms.api, cms.files).
NEEDS = {
    "cms.bookings": ["cms.participation", "cms.outbox"],
    "cms.events": ["cms.participation", "cms.outbox"],
    "cms.loans": ["cms.participation", "cms.outbox"],
    "cms.newsletters": ["cms.outbox"],
    "cms.partners": [],
    # Reads bookings, events and newsletters only when they are installed (cms.evaluations.sources).
    "cms.evaluations": ["cms.participation", "cms.outbox"],
    # certificates are issued when events' check-in says someone attended (cms.events.signals).
    "cms.professionalisation": ["cms.events", "cms.participation", "cms.outbox"],
    # search_insight listens to search's signals; search works without it.
    "search": [],
    # Shows loans, professionalisation, evaluations and kit downloads only when they are installed;
    # cms.accounts for the admin login exercise.py uses (the other apps answer the public).
    "cms.dashboard": ["cms.bookings", "cms.events", "cms.participation", "cms.outbox", "cms.accounts"],
}
# What the one public request of exercise.py must answer, and a path the API document must show.
EXPECTED = {
    "cms.bookings": (200, "application/json", "/api/v3/bookings/offerings/"),
    "cms.events": (400, "application/problem+json", "/api/v3/event-registrations/cancel/"),
    "cms.loans": (200, "application/json", "/api/v3/loans/items/"),
    "cms.newsletters": (200, "text/html", None),
    "cms.partners": (200, "application/json", "/api/v3/partner-offers/"),
    "cms.evaluations": (400, "text/html", None),
    "cms.professionalisation": (404, "text/html", None),
    "search": (200, "application/json", "/api/v3/databank/search"),
    "cms.dashboard": (200, "text/html", None),  # as a superuser
}


def _database(app: str, tmp_path: Path) -> dict[str, str]:
    """An empty database for the app: a SQLite file, or a fresh PostgreSQL database."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return {"PLUGIN_DB": str(tmp_path / "plugin.sqlite3")}
    import psycopg  # noqa: PLC0415 - only when the suite runs on PostgreSQL

    name = "plugin_" + app.replace(".", "_")
    base = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return {"PLUGIN_DB": name}


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(  # noqa: S603 - our own interpreter and scripts
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.mark.parametrize("app", sorted(NEEDS))
def test_app_works_without_its_siblings(app, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.plugins.settings",
        "PLUGIN_APP": app,
        "PLUGIN_NEEDS": ",".join(NEEDS[app]),
        **_database(app, tmp_path),
    }
    _run(env, "manage.py", "check", "--fail-level", "WARNING")
    _run(env, "manage.py", "migrate", "--noinput", "-v", "0")
    _run(env, "manage.py", "makemigrations", "--check", "--dry-run")
    answer = json.loads(_run(env, "-m", "tests.plugins.exercise").stdout)

    status, content_type, api_path = EXPECTED[app]
    assert answer["status"] == status, answer
    assert answer["content_type"].startswith(content_type), answer
    assert answer["openapi_status"] == 200
    assert answer["strays"] == [], "modules of apps that are not installed were imported"
    if api_path:
        assert api_path in answer["paths"]
    siblings = {other for other in NEEDS if other != app and other not in NEEDS[app]}
    for path in answer["paths"]:
        assert not any(path.startswith(p) for p in _api_prefixes(siblings)), path


def _api_prefixes(apps: set[str]) -> list[str]:
    prefixes = {
        "cms.bookings": ["/api/v3/bookings/"],
        "cms.events": ["/api/v3/event-registrations/", "/api/v3/challenge-teams/"],
        "cms.loans": ["/api/v3/loans/"],
        "cms.newsletters": ["/api/v3/newsletters/"],
        "cms.partners": ["/api/v3/partner-offers/", "/api/v3/geo/"],
        "cms.evaluations": [],
        "cms.professionalisation": [],
        "search": ["/api/v3/databank/"],
        "cms.dashboard": [],
    }
    return [p for app in apps for p in prefixes[app]]
