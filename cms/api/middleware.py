"""Public-read caching and consistent errors for every response under ``/api/v3/``.

- Anonymous ``GET``/``HEAD`` responses with status 200 get ``Cache-Control: public, max-age=N``
  (``API_CACHE_MAX_AGE``, default 60) and an ``ETag``; a matching ``If-None-Match`` answers 304
  through Django's conditional handling.
- Responses to requests with credentials (an ``Authorization`` header or a logged-in session) are
  marked ``private, no-store``; other methods are left alone.
- ``HEAD`` is answered like ``GET`` (Ninja routes only the methods it was given).
- 404/405 pages that Django or Ninja render as HTML/plain text become ``application/problem+json``.
- Request bodies are checked before any view (``requests.refuse_bad_body``: size, depth, JSON only).
- The fixed English ``detail`` of Wagtail's own problems ("Validation failed", 404, 401/403)
  and the field messages of its 422s (pydantic's, by error type) are translated into the
  request's language, like the rest of the API.
- ``limit``/``offset`` values beyond a 64-bit integer are refused with 400 before they reach the
  database (SQLite and PostgreSQL fail on them with a 500).
"""

import json
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import parse_etags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .errors import PROBLEM_JSON, problem
from .requests import refuse_bad_body
from .schema_types import MAX_DB_INT

SAFE_METHODS = ("GET", "HEAD")
MAX_PORT = 65535
PAGINATION_PARAMS = ("limit", "offset")

#: The details ``wagtail.api.v3.errors`` hard-codes in English, with their translations.
WAGTAIL_DETAILS = {
    "Validation failed": gettext_lazy("Validation failed"),
    "Not found": gettext_lazy("Not found"),
    "Authentication required": gettext_lazy("Authentication required"),
    "Permission denied": gettext_lazy("Permission denied"),
}

#: Django's ``get_object_or_404`` detail ("No Page matches the given query."), which Wagtail passes on.
DJANGO_NOT_FOUND = re.compile(r"No [\w ]+ matches the given query\.")

#: Pydantic's field messages by error type; ``%(name)s`` comes from the error's ``ctx``. (A context keeps
#: these apart from the same English texts in Django's and other apps' catalogues.)
FIELD_MESSAGES = {
    "missing": pgettext_lazy("API field error", "This field is required."),
    "int_parsing": pgettext_lazy("API field error", "Enter a whole number."),
    "int_type": pgettext_lazy("API field error", "Enter a whole number."),
    "int_from_float": pgettext_lazy("API field error", "Enter a whole number."),
    "float_type": pgettext_lazy("API field error", "Enter a number."),
    "bool_type": pgettext_lazy("API field error", "Enter true or false."),
    "string_type": pgettext_lazy("API field error", "Enter text."),
    "list_type": pgettext_lazy("API field error", "Enter a list."),
    "dict_type": pgettext_lazy("API field error", "Enter an object."),
    "model_attributes_type": pgettext_lazy("API field error", "Enter an object."),
    "model_type": pgettext_lazy("API field error", "Enter an object."),
    "float_parsing": pgettext_lazy("API field error", "Enter a number."),
    "bool_parsing": pgettext_lazy("API field error", "Enter true or false."),
    "enum": pgettext_lazy("API field error", "Choose one of: %(expected)s."),
    "literal_error": pgettext_lazy("API field error", "Choose one of: %(expected)s."),
    "string_too_long": pgettext_lazy("API field error", "Use at most %(max_length)s characters."),
    "string_too_short": pgettext_lazy("API field error", "Use at least %(min_length)s characters."),
    "greater_than_equal": pgettext_lazy("API field error", "Enter a value of at least %(ge)s."),
    "less_than_equal": pgettext_lazy("API field error", "Enter a value of at most %(le)s."),
    "greater_than": pgettext_lazy("API field error", "Enter a value greater than %(gt)s."),
    "less_than": pgettext_lazy("API field error", "Enter a value less than %(lt)s."),
    "date_from_datetime_parsing": pgettext_lazy("API field error", "Enter a valid date (YYYY-MM-DD)."),
    "date_parsing": pgettext_lazy("API field error", "Enter a valid date (YYYY-MM-DD)."),
}


def _field_message(error: dict) -> str | None:
    message = FIELD_MESSAGES.get(error.get("type", ""))
    if message is None:
        return None
    text = str(message)
    try:
        return text % error.get("ctx", {}) if "%(" in text else text
    except (KeyError, TypeError, ValueError):
        return None


def _api_prefix() -> str:
    return getattr(settings, "API_PATH_PREFIX", "/api/v3/")


def _has_credentials(request: HttpRequest) -> bool:
    if request.META.get("HTTP_AUTHORIZATION"):
        return True
    # Only look at the session when a session cookie came along: touching request.user otherwise
    # would add "Vary: Cookie" to every public response.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        user = getattr(request, "user", None)
        return bool(user and user.is_authenticated)
    return False


class APIHardeningMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(_api_prefix()):
            return self.get_response(request)
        refusal = (
            self._refuse_oversized_pagination(request)
            or self._refuse_bad_site(request)
            or refuse_bad_body(request)
        )
        if refusal is not None:
            return refusal
        is_head = request.method == "HEAD"
        if is_head:
            request.method = "GET"  # the server drops the body of a HEAD response
        response = self.get_response(request)
        if is_head:
            request.method = "HEAD"
        response = self._as_problem(response)
        if request.method in SAFE_METHODS:
            response = self._cache_headers(request, response)
        return response

    @staticmethod
    def _refuse_oversized_pagination(request: HttpRequest) -> HttpResponse | None:
        errors = []
        for name in PAGINATION_PARAMS:
            for value in request.GET.getlist(name):
                try:
                    number = int(value)
                except ValueError:
                    continue  # not a number: the endpoint's own validation answers
                if abs(number) > MAX_DB_INT:
                    errors.append(
                        {"type": "less_than_equal", "loc": ["query", name], "msg": _("Value is too large.")}
                    )
        if not errors:
            return None
        return problem(400, _("Validation failed"), errors=errors)

    @staticmethod
    def _refuse_bad_site(request: HttpRequest) -> HttpResponse | None:
        """Wagtail's ``site`` filter (``host[:port]``) sends a non-numeric port to the database: a 500
        from ``/api/v3/pages/find/``. Refuse it here for every route."""
        for value in request.GET.getlist("site"):
            _host, colon, port = value.rpartition(":")
            if colon and not (port.isascii() and port.isdigit() and int(port) <= MAX_PORT):
                errors = [
                    {
                        "type": "invalid",
                        "loc": ["query", "site"],
                        "msg": _("Enter a host name, optionally with :port."),
                    }
                ]
                return problem(400, _("Validation failed"), errors=errors, code="invalid")
        return None

    def _as_problem(self, response: HttpResponse) -> HttpResponse:
        content_type = response.get("Content-Type", "")
        if content_type == PROBLEM_JSON:
            return self._translated(response)
        if response.status_code not in (404, 405) or "json" in content_type:
            return response
        if response.status_code == 404:
            return problem(404, _("Not found"))
        replacement = problem(405, _("Method not allowed"))
        if response.has_header("Allow"):
            replacement["Allow"] = response["Allow"]
        return replacement

    @staticmethod
    def _translated(response: HttpResponse) -> HttpResponse:
        body = json.loads(response.content)
        detail = body.get("detail")
        if isinstance(detail, str) and DJANGO_NOT_FOUND.fullmatch(detail):
            detail = "Not found"  # Django's get_object_or_404 text, which names a model in English
        if detail not in WAGTAIL_DETAILS:
            return response
        body["detail"] = str(WAGTAIL_DETAILS[detail])
        for error in body.get("errors") or []:
            if isinstance(error, dict) and (message := _field_message(error)):
                error["msg"] = message
        response.content = json.dumps(body, ensure_ascii=False)
        return response

    def _cache_headers(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        patch_vary_headers(response, ("Authorization", "Accept-Language"))
        if _has_credentials(request):
            add_never_cache_headers(response)
            return response
        if response.status_code != 200 or response.streaming or response.cookies:
            return response
        if not response.has_header("Cache-Control"):
            patch_cache_control(
                response, public=True, max_age=int(getattr(settings, "API_CACHE_MAX_AGE", 60))
            )
        if not response.has_header("ETag"):
            set_response_etag(response)
        return self._not_modified(request, response)

    @staticmethod
    def _not_modified(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        etags = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
        if not etags:
            return response
        return get_conditional_response(request, etag=response["ETag"], response=response)
