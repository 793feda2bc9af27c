"""Run inside the minimal plugin project: one public request per app, printed as JSON."""

import json
import os
import sys

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.test import Client  # noqa: E402

from cms.settings.base import INSTALLED_APPS  # noqa: E402

PROJECT_APPS = {
    app for app in INSTALLED_APPS if app.startswith("cms.") or app in ("search", "search_insight")
}

REQUESTS = {
    "cms.bookings": ("get", "/api/v3/bookings/offerings/", None),
    "cms.events": ("post", "/api/v3/event-registrations/cancel/", {"token": "not-a-signed-link"}),
    "cms.loans": ("get", "/api/v3/loans/items/", None),
    "cms.newsletters": ("get", "/nieuwsbrief/aanmelden/", None),
    "cms.partners": ("get", "/api/v3/partner-offers/", None),
    "cms.evaluations": ("get", "/evaluatie/not-a-signed-link/", None),
    "cms.professionalisation": ("get", "/professionalisering/certificaat/AAAAA-BBBBB/", None),
    "search": ("get", "/api/v3/databank/search?q=robot", None),
    "cms.dashboard": ("get", "/admin/funders-dashboard/", None),
}

method, url, body = REQUESTS[os.environ["PLUGIN_APP"]]
client = Client()
if (
    os.environ["PLUGIN_APP"] == "cms.dashboard"
):  # an admin page: its figures, computed without the optional apps
    from django.contrib.auth import get_user_model  # noqa: E402, PLC0415

    client.force_login(get_user_model().objects.create_superuser("plugin", "plugin@example.nl", "x"))
if body is None:
    response = getattr(client, method)(url)
else:
    response = getattr(client, method)(url, data=json.dumps(body), content_type="application/json")
schema = client.get("/api/v3/openapi.json")
installed = {config.name for config in apps.get_app_configs()}
# A module of a project app that is not installed, imported anyway: a hidden dependency.
strays = sorted(
    name
    for name in sys.modules
    if name.startswith(("cms.", "search.", "search_insight."))
    and ".".join(name.split(".")[: 1 if name.startswith("search") else 2]) in PROJECT_APPS - installed
)
json.dump(
    {
        "url": url,
        "status": response.status_code,
        "content_type": response.headers.get("Content-Type", ""),
        "body": response.content.decode()[:2000],
        "openapi_status": schema.status_code,
        "strays": strays,
        "paths": sorted(schema.json()["paths"]) if schema.status_code == 200 else [],
    },
    sys.stdout,
)
