"""Production services chosen by environment variables (issue 15): shared cache, media storage, logs, Sentry.

Each function takes the environment as a mapping so the wiring can be tested without a running
Redis, S3 or Sentry; ``production.py`` calls them with ``os.environ``. Leaving a variable unset
keeps the embedded default (local-memory cache, media on the local disk, plain console logs).
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration


def flag(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = env.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def caches(env: Mapping[str, str]) -> dict[str, dict[str, Any]] | None:
    """Django's own Redis cache when ``REDIS_URL`` is set; ``None`` keeps Django's default.

    Rate limits and the search caches live in this cache, so with several web processes it must be
    shared: otherwise every process counts its own 20 bookings per 10 minutes.
    """
    url = env.get("REDIS_URL", "").strip()
    if not url:
        return None
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "sto"),
            # A cache outage must not hang every request: short socket timeouts.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }


def media_storage(env: Mapping[str, str]) -> dict[str, Any] | None:
    """django-storages' S3 backend for uploads when ``S3_BUCKET`` is set; ``None`` keeps the local disk.

    Documents stay behind Wagtail's serve view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which
    streams them from the bucket as attachments and checks collection privacy, so the bucket can be
    private. Image URLs are signed (``S3_QUERYSTRING_AUTH``, default on) unless the bucket is public.
    """
    bucket = env.get("S3_BUCKET", "").strip()
    if not bucket:
        return None
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": flag(env, "S3_QUERYSTRING_AUTH", default=True),
        "querystring_expire": int(env.get("S3_QUERYSTRING_EXPIRE", "3600")),
    }
    for option, name in [
        ("endpoint_url", "S3_ENDPOINT_URL"),
        ("region_name", "S3_REGION"),
        ("access_key", "S3_ACCESS_KEY_ID"),
        ("secret_key", "S3_SECRET_ACCESS_KEY"),
        ("custom_domain", "S3_CUSTOM_DOMAIN"),
        ("location", "S3_PREFIX"),
    ]:
        if env.get(name):
            options[option] = env[name]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origin(env: Mapping[str, str]) -> str:
    """The origin images are loaded from when media is on S3 (for the Content-Security-Policy), else ""."""
    if not env.get("S3_BUCKET"):
        return ""
    if env.get("S3_CUSTOM_DOMAIN"):
        return f"https://{env['S3_CUSTOM_DOMAIN']}"
    endpoint = urlsplit(env.get("S3_ENDPOINT_URL", ""))
    if endpoint.netloc:
        return f"{endpoint.scheme}://{endpoint.netloc}"
    return "https://*.amazonaws.com"


def logging_config(env: Mapping[str, str]) -> dict[str, Any]:
    """One JSON line per log record on stdout (``LOG_FORMAT=json``, the default) or plain text.

    Request and task lines come from ``cms.health`` (logger ``cms.requests`` / ``cms.tasks``).
    """
    json_lines = env.get("LOG_FORMAT", "json") == "json"
    formatter = "json" if json_lines else "plain"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "cms.health.logs.JSONFormatter"},
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "filters": {"request_id": {"()": "cms.health.logs.RequestIdFilter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": formatter,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
        "loggers": {
            "cms": {"level": "INFO"},
            "search": {"level": "INFO"},
            # django.request repeats every 4xx/5xx that cms.requests already logs; errors keep their traceback.
            "django.request": {"level": "ERROR"},
        },
    }


def init_sentry(env: Mapping[str, str]) -> bool:
    """Send errors to Sentry when ``SENTRY_DSN`` is set (no personal data); True when it was set up."""
    dsn = env.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=env.get("SENTRY_ENVIRONMENT", "production"),
        release=env.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(env.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )
    return True
