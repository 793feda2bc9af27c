"""Production: every secret and service URL comes from the environment."""

import os
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
DATABASES = {"default": dj_database_url.config(conn_max_age=600, conn_health_checks=True)}

SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail shows page previews in a same-origin iframe, so DENY would break editing.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Behind a reverse proxy that sets it, e.g. HTTP_X_FORWARDED_FOR: rate limits count the real client.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "REMOTE_ADDR")
WAGTAILAPI_DOCS_ENABLED = os.environ.get("WAGTAILAPI_DOCS_ENABLED", "1") == "1"

# --- deployment (issue 15): shared cache, media storage, structured logs, Sentry ---
# Each service is switched on by its environment variable; docs/deployment.md has the table.
from cms.security import DEFAULT_POLICY as _CSP_DEFAULT  # noqa: E402

from . import environment as _environment  # noqa: E402

if _caches := _environment.caches(os.environ):
    CACHES = _caches
if _media := _environment.media_storage(os.environ):
    STORAGES = {**STORAGES, "default": _media}  # noqa: F405
    CONTENT_SECURITY_POLICY = {
        **_CSP_DEFAULT,
        "img-src": f"{_CSP_DEFAULT['img-src']} {_environment.media_origin(os.environ)}",
    }
LOGGING = _environment.logging_config(os.environ)
SENTRY_ENABLED = _environment.init_sentry(os.environ)
# Request ids: taken from the proxy's header when it sets one (e.g. nginx $request_id), else made here.
REQUEST_ID_HEADER = os.environ.get("REQUEST_ID_HEADER", "HTTP_X_REQUEST_ID")
if os.environ.get("STATIC_ROOT"):  # collectstatic's target (an image layer, a shared volume)
    STATIC_ROOT = Path(os.environ["STATIC_ROOT"])
