from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LINE_BREAKS = "\r\n\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def has_line_break(value: str) -> bool:
    return any(char in LINE_BREAKS for char in value)


def validate_single_line(value: str) -> None:
    """Refuse line breaks in values that end up in mail headers (subject, names).

    A newline in a header value could inject extra headers; Python's ``str.splitlines`` breaks
    on more than ``\\r\\n``, so those separators are refused too.
    """
    if has_line_break(value):
        raise ValidationError(_("This field cannot contain line breaks."), code="newline")
