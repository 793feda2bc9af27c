"""Validators of the public participation forms (bookings, registrations, teams) and their API."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

HTML_RE = re.compile(r"<\s*[a-zA-Z/!?]")

#: The idempotency key a form or API client sends (ours are hex; clients may send UUIDs).
key_validator = RegexValidator(r"^[A-Za-z0-9_\-]{8,64}$", _("Invalid form token; reload the page."))


def no_html(value: str) -> None:
    """Names and notes are plain text: refuse anything that looks like markup."""
    if HTML_RE.search(value or ""):
        raise ValidationError(_("Please write plain text without HTML or code."), code="html")
