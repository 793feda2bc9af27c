"""The embedded default: SQLite, database search, mail written to files."""

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
OUTBOX_TRANSPORT_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Demo accounts are only created (and their passwords printed) where this is on.
DEMO_ACCOUNTS_ENABLED = True
# Django's debug pages style themselves inline; the browser tests check the policy on the public site.
CONTENT_SECURITY_POLICY: dict[str, str] = {}

# --- admin account security ---
# The demo: two-step verification is offered in the account menu, not required.
TWO_FACTOR_REQUIRED = False
