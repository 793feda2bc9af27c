"""A minimal project: pages + snippets + the shared core + one app (``PLUGIN_APP``) and what it needs.

Built from the test settings by dropping every project app that is not listed, so a hidden
dependency on a sibling app shows up as a failing ``check``, ``migrate`` or request
(see test_plugins.py). ``PLUGIN_NEEDS`` is a comma-separated list of the app's real dependencies.
"""

import os

from cms.settings.test import *  # noqa: F403
from cms.settings.test import INSTALLED_APPS, MIDDLEWARE, TEMPLATES

# Below every app: page types, reference data, the API's shared plumbing, document visibility.
CORE_APPS = ["cms.pages", "cms.snippets", "cms.api", "cms.files"]
PLUGIN_APP = os.environ["PLUGIN_APP"]
PLUGIN_NEEDS = [name for name in os.environ.get("PLUGIN_NEEDS", "").split(",") if name]
KEEP = {*CORE_APPS, PLUGIN_APP, *PLUGIN_NEEDS}


def _ours(app: str) -> bool:
    return app.startswith("cms.") or app in ("search", "search_insight")


_PROJECT_APPS = {app for app in INSTALLED_APPS if _ours(app)}
INSTALLED_APPS = [app for app in INSTALLED_APPS if not _ours(app) or app in KEEP]
TEMPLATES[0]["OPTIONS"]["context_processors"] = [
    processor
    for processor in TEMPLATES[0]["OPTIONS"]["context_processors"]
    if not processor.startswith("cms.") or processor.rsplit(".", 2)[0] in KEEP
]
# Middleware of a project app that is left out goes too (shared modules such as cms.i18n stay).
MIDDLEWARE = [
    path
    for path in MIDDLEWARE
    if not (_ours(".".join(path.split(".")[:2])) and ".".join(path.split(".")[:2]) in _PROJECT_APPS)
    or ".".join(path.split(".")[:2]) in KEEP
]
ROOT_URLCONF = "tests.plugins.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["PLUGIN_DB"]}}
if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    DATABASES["default"]["NAME"] = os.environ["PLUGIN_DB"]
