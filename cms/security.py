"""A Content-Security-Policy for the public site: scripts, styles, images and forms only from our own
origin, nothing inline, no plugins, no framing by other sites.

The Wagtail admin (``/admin/``, previews included) and Django's admin are left out: Wagtail still
needs inline scripts and styles there (wagtail/wagtail#1288). A view whose page must keep inline
styles (the web version of a newsletter is mail HTML) sets ``response.allow_inline_styles = True``;
apps can do so without depending on this middleware.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

DEFAULT_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
EXEMPT_PREFIXES = ("/admin/", "/django-admin/")


def policy_header(policy: dict[str, str], *, inline_styles: bool = False) -> str:
    if inline_styles:
        style_src = policy.get("style-src", "'self'")
        policy = {**policy, "style-src": f"{style_src} 'unsafe-inline'"}
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_POLICY)
        if not policy or request.path.startswith(EXEMPT_PREFIXES) or "Content-Security-Policy" in response:
            return response
        inline_styles = getattr(response, "allow_inline_styles", False)
        response["Content-Security-Policy"] = policy_header(policy, inline_styles=inline_styles)
        return response
