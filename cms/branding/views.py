"""``/huisstijl.css``: the current site's design tokens as a small stylesheet (the CSP allows no inline
styles). Linked with ``?v=<version>`` so browsers may keep it for a year; a changed setting changes the
version, so the new colours show on the next page view."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from .models import RegionBranding

LONG = 365 * 24 * 3600
SHORT = 300


@require_GET
def stylesheet(request: HttpRequest) -> HttpResponse:
    branding = RegionBranding.for_request(request)
    version = branding.stylesheet_version()
    response = HttpResponse(branding.stylesheet(), content_type="text/css; charset=utf-8")
    response["ETag"] = f'"{version}"'
    if request.GET.get("v") == version:
        patch_cache_control(response, public=True, max_age=LONG, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=SHORT)
    if request.headers.get("If-None-Match") == response["ETag"]:
        response.status_code = 304
        response.content = b""
    return response
