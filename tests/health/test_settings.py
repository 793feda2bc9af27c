"""The production settings pick each service from the environment, and keep the embedded default without it."""

import json
import os
import subprocess
import sys
from pathlib import Path

from storages.backends.s3 import S3Storage

from cms.settings import environment

ROOT = Path(__file__).resolve().parents[2]
BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "DJANGO_SECRET_KEY": "test-not-secret",
    "DJANGO_ALLOWED_HOSTS": "www.example.org",
    "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
}
PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "CACHES": settings.CACHES,
    "STORAGES": settings.STORAGES,
    "CSP": getattr(settings, "CONTENT_SECURITY_POLICY", None),
    "LOGGING_FORMATTER": settings.LOGGING["handlers"]["console"]["formatter"],
    "SENTRY": settings.SENTRY_ENABLED,
    "DOCS_SERVE": settings.WAGTAILDOCS_SERVE_METHOD,
}, default=str))
"""


def production_settings(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "S3_", "SENTRY_", "LOG_"))}
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env={**clean, **BASE_ENV, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_without_service_variables_the_embedded_defaults_stay():
    settings = production_settings()
    assert settings["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert settings["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert settings["CSP"] is None  # cms.security's default policy
    assert settings["LOGGING_FORMATTER"] == "json"
    assert settings["SENTRY"] is False


def test_redis_s3_and_sentry_from_the_environment():
    settings = production_settings(
        REDIS_URL="redis://cache.internal:6379/1",
        S3_BUCKET="sto-media",
        S3_ENDPOINT_URL="https://s3.example.net",
        S3_ACCESS_KEY_ID="key",
        S3_SECRET_ACCESS_KEY="secret",
        SENTRY_DSN="https://public@sentry.example.net/1",
        LOG_FORMAT="plain",
    )
    cache = settings["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/1"
    media = settings["STORAGES"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "sto-media"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert media["OPTIONS"]["querystring_auth"] is True  # a private bucket by default
    # static files stay with whitenoise; documents keep going through Wagtail's view (as attachments)
    assert settings["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise.")
    assert settings["DOCS_SERVE"] == "serve_view"
    assert "https://s3.example.net" in settings["CSP"]["img-src"]
    assert settings["LOGGING_FORMATTER"] == "plain"
    assert settings["SENTRY"] is True


def test_s3_storage_builds_public_urls_on_a_custom_domain_without_network():
    options = environment.media_storage(
        {"S3_BUCKET": "sto-media", "S3_CUSTOM_DOMAIN": "media.example.org", "S3_QUERYSTRING_AUTH": "0"}
    )["OPTIONS"]
    storage = S3Storage(**options)
    assert storage.url("images/kit.jpg") == "https://media.example.org/images/kit.jpg"
    assert environment.media_origin({"S3_BUCKET": "b", "S3_CUSTOM_DOMAIN": "media.example.org"}) == (
        "https://media.example.org"
    )


def test_flag_reading():
    assert environment.flag({"X": "1"}, "X") and environment.flag({"X": "true"}, "X")
    assert not environment.flag({"X": "0"}, "X") and environment.flag({}, "X", default=True)
