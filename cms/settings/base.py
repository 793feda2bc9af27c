"""Settings shared by every environment. Environment-specific files import from here."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "cms.pages",
    "cms.snippets",
    "cms.participation",
    "cms.outbox",
    "cms.bookings",
    "cms.loans",
    "cms.newsletters",
    "cms.editorial",
    "search",
    "cms.events",
    "cms.professionalisation",  # certificates, teachers' records (magic link), hours per school/kind/quarter
    "cms.dashboard",
    "cms.evaluations",  # evaluations after lessons and events (reads bookings/events only when installed)
    "cms.milestones",  # the plan's milestones against live figures (reads the dashboard's reach)
    "cms.partners",
    "cms.oai",
    "search_insight",  # the databank search log (no personal data) and its reports
    "cms.branding",  # per-region logo, colours and footer (site settings), served as /huisstijl.css
    "cms.health",  # /healthz, /readyz and one JSON log line per request and task
    "cms.accounts",  # login lockouts (django-axes), two-step verification (django-otp), idle sessions
    "cms.api",  # shared API error handlers and hardening middleware
    "cms.demo",
    "wagtail.api.v3",
    "ninja",  # serves the interactive API docs (Swagger UI) from our static files, not a CDN
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "cms.files",  # after wagtail.documents/images: wraps their API routers
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "corsheaders",
    "django_filters",  # templates of the report filters' date-range widget
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "cms.health.middleware.RequestLogMiddleware",  # first: answers probes, times and tags everything
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",  # public site only; the admin is exempt
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.i18n.ContentLanguageMiddleware",  # public site: its content's language; admin: the editor's
    "django.middleware.common.CommonMiddleware",
    "cms.ratelimit.RetryAfterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.accounts.middleware.IdleSessionMiddleware",  # after messages: both may leave the user one
    "cms.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.api.middleware.APIHardeningMiddleware",  # public-read caching headers under /api/v3/
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.branding.context_processors.branding",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM = "cms.accounts.forms.LoginForm"  # a translated password label
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static_src"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads: documents are limited by type and size and always served as attachments.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "odp", "xlsx", "ods", "txt", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

WAGTAIL_SITE_NAME = "Sterk Techniekonderwijs"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_DOCS_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Every mail (also Wagtail's notifications) waits in the outbox until the mail server takes it;
# the outbox sends through OUTBOX_TRANSPORT_BACKEND.
EMAIL_BACKEND = "cms.outbox.backends.OutboxBackend"
OUTBOX_TRANSPORT_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Sterk Techniekonderwijs <noreply@example.org>")

# Rate limits of the public forms and APIs: each app declares its scopes' defaults on its AppConfig
# (``rate_limits``); override one with RATE_LIMITS = {scope: (requests, seconds)}, None switches it
# off. Scopes: bookings, events.registrations, events.teams, newsletters.subscribe,
# newsletters.confirmation_mails (per mailbox), editorial.contributions. See cms/ratelimit.py.
RATE_LIMITS: dict[str, tuple[int, int] | None] = {}
# Where the client address is: REMOTE_ADDR, or a header a trusted proxy rewrites (HTTP_X_FORWARDED_FOR).
CLIENT_IP_HEADER = "REMOTE_ADDR"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"cms": {"level": "INFO"}, "search": {"level": "INFO"}},
}

# --- editorial ---
# Wagtail mails workflow notifications itself, in the recipient's admin language (default: nl).
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
EDITORIAL_CONTRIBUTION_MAX_FILE_SIZE = 20 * 1024 * 1024
EDITORIAL_CONTRIBUTION_MAX_FILES = 5
EDITORIAL_PREVIEW_TOKEN_MAX_AGE = 60 * 60
# Decompression bombs (cms/archives.py): a ZIP-based upload (office file, .zip) may unpack to at
# most this much in total, and no member over 1 MB may be packed more tightly than this ratio.
# Applies to contributions, Wagtail document uploads and attachment text extraction.
ARCHIVE_MAX_UNCOMPRESSED_SIZE = 100 * 1024 * 1024
ARCHIVE_MAX_COMPRESSION_RATIO = 100
ARCHIVE_MAX_MEMBERS = 10_000
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.files.forms.DocumentForm"

# --- search insight: the databank search log (no personal data), kept this many months ---
SEARCH_LOG_RETENTION_MONTHS = int(os.environ.get("SEARCH_LOG_RETENTION_MONTHS", "13"))
# --- API hardening ---
# CORS for the front-end origins in the environment (comma-separated, e.g. "https://www.example.org");
# public-read caching headers under /api/v3/ (cms.api.middleware).
CORS_ALLOWED_ORIGINS = [o.strip() for o in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if o.strip()]
CORS_URLS_REGEX = r"^/api/.*$"
API_CACHE_MAX_AGE = 60

# --- newsletters / SQLite under load ---
# SQLite (the embedded default): WAL journal and synchronous=NORMAL, so a commit does not wait
# for an fsync. A newsletter send commits once per mail (that is what makes resume exact); with
# the default rollback journal every commit costs a disk flush (~15-25 ms). WAL+NORMAL stays
# consistent and loses nothing when the process crashes; only a power/OS failure can undo the last
# commits. WAL lets readers go on while one process writes; writers (the web process and the
# task worker) take turns: a transaction takes the write lock when it begins (BEGIN IMMEDIATE)
# and waits up to "timeout" seconds for it, instead of failing with "database is locked" when a
# read turns into a write mid-transaction. PostgreSQL ignores this block.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _sqlite_options = DATABASES["default"].setdefault("OPTIONS", {})
    _sqlite_options.setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    _sqlite_options.setdefault("transaction_mode", "IMMEDIATE")
    _sqlite_options.setdefault("timeout", 30)
# Count clicks on links in sent newsletters per link (never per person); off by default.
NEWSLETTER_COUNT_CLICKS = os.environ.get("NEWSLETTER_COUNT_CLICKS", "") == "1"

# --- security ---
# Content-Security-Policy of the public site: cms.security.ContentSecurityPolicyMiddleware (in MIDDLEWARE).
# The headless front end's preview page; "{token}" is replaced by a signed preview token.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")

# --- health and request logs (cms.health): /healthz, /readyz, one log line per request and task ---
# /readyz answers 503 when the oldest waiting task or undelivered mail is older than this (seconds).
HEALTH_MAX_TASK_AGE = int(os.environ.get("HEALTH_MAX_TASK_AGE", "300"))
HEALTH_MAX_OUTBOX_AGE = int(os.environ.get("HEALTH_MAX_OUTBOX_AGE", "900"))

# --- admin account security (cms.accounts) ---
# Lockouts after failed logins (django-axes), per account and per client address, counted in the
# database so every process sees them; Beheer lifts them under Settings > Login lockouts.
# Two-factor authentication (django-otp: authenticator app + recovery codes) for accounts that can
# publish or manage personal data; idle editor sessions end.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before the password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: one account, or one address
AXES_COOLOFF_TIME = dt.timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.accounts.axes.client_ip"  # reads CLIENT_IP_HEADER like the rate limits
AXES_LOCKOUT_CALLABLE = "cms.accounts.axes.lockout_response"
AXES_ENABLE_ADMIN = False  # lockouts are managed in the Wagtail admin
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # keep no log of every successful login (and its address); failures count
# Enforced here (production); dev.py switches it off for the demo, where it stays optional.
TWO_FACTOR_REQUIRED = True
# Besides anyone who can publish or holds a permission on personal data (cms/accounts/services.py):
TWO_FACTOR_REQUIRED_GROUPS = ["Techniekhuis-coördinatoren"]  # see their techniekhuis's bookings
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# A signed-in session ends after this many seconds without a request (an open editor keeps pinging).
ADMIN_SESSION_IDLE_TIMEOUT = 60 * 60
