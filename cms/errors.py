"""Domain errors: a rule refused a request, with its HTTP meaning carried once.

Services raise a :class:`DomainError` (usually an app's subclass); nothing above them maps errors
one by one. The API turns any of them into an RFC 7807 problem with one handler
(``cms.api.errors``); form views show :attr:`~DomainError.message` as a form error. This module
sits below every app and knows nothing of the API layer. (Its default messages are translated in
the project catalogue, ``locale/``, which the wheel ships with ``cms.frontend``; a raise normally
gives its own translated message.)

A subclass sets its ``status`` and ``code`` (defaults for its raises); a raise may give a
``field`` (the input the error belongs to), another ``code``, ``field_errors`` (several inputs
at once) and extension members (``waitlist_available=True``) that the API adds to the problem.
"""

from collections.abc import Mapping
from typing import Any, ClassVar

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A refusal with a user-facing message (in the active language) and its HTTP status."""

    status: ClassVar[int] = 400
    code: str = "invalid"
    field: str | None = None
    #: The message when a raise gives none (empty: the API shows the status phrase).
    default_message: ClassVar[str | Promise] = ""

    def __init__(
        self,
        message: str | Promise | None = None,
        *,
        field: str | None = None,
        code: str | None = None,
        field_errors: Mapping[str, str] | None = None,
        **extensions: Any,
    ):
        self.message = str(self.default_message if message is None else message)
        super().__init__(self.message)
        if field is not None:
            self.field = field
        if code is not None:
            self.code = code
        self.field_errors = dict(field_errors or {})
        self.extensions = extensions


class InvalidInput(DomainError):
    """The input breaks a rule (400)."""


class InvalidSignedLink(DomainError):
    """The signed link (cancel, change, manage) in the request is not valid, expired or used (400).

    One meaning for every app's links: apps subclass it next to their own error base.
    """

    code = "invalid_token"
    field = "token"


class NotFound(DomainError):
    status = 404
    code = "not_found"
    default_message = _("Not found")


class Conflict(DomainError):
    """The input is fine but the current state refuses it (409), e.g. a full time slot."""

    status = 409
    code = "conflict"


class UnsupportedMediaType(DomainError):
    status = 415
    code = "unsupported_media_type"


class TooManyRequests(DomainError):
    """Too many attempts (429); ``retry_after`` is the number of seconds until the next may succeed."""

    status = 429
    code = "rate_limited"
    default_message = _("Too many attempts from your address. Please try again later.")

    def __init__(self, message: str | Promise | None = None, *, retry_after: int = 1, **kwargs: Any):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after
