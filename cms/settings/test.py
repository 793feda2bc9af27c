"""Fast, deterministic settings for the test suite."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The outbox delivers through EMAIL_BACKEND: locmem, or SMTP where a test starts the loopback server.
OUTBOX_TRANSPORT_BACKEND = None
# One folder per pytest-xdist worker: parallel tests never see or delete each other's files.
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")
DEMO_ACCOUNTS_ENABLED = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405

# --- admin account security ---
# Off for the suite; tests/accounts switch it on where they test it.
TWO_FACTOR_REQUIRED = False
