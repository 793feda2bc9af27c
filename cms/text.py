"""Single-line text: the one home of the rule "names, titles, subjects and headers are one line".

A line break in a value that ends up in a mail header (a subject, a name in a header) can
inject a header; in a plain-text body it fakes one (a "Bcc:" line). Python's
``str.splitlines`` and mail clients break on more than ``\\r\\n``, so every separator counts.

- :func:`single_line` normalises: every run of whitespace (line breaks included) becomes one
  space. The mail layer uses it on subjects and header values, so it never fails on a bad row.
- :class:`SingleLineField` (forms) and :class:`SingleLineCharField` (models) normalise what
  people type about themselves (names, a school, a title): a pasted line break is a slip, and
  refusing it would lose a booking over nothing.
- :func:`validate_single_line` refuses instead, for text an editor composes (a newsletter's
  subject): the editor sees the error and decides.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

LINE_BREAKS = "\r\n\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def has_line_break(value: str) -> bool:
    return any(char in LINE_BREAKS for char in value)


def single_line(value: str) -> str:
    """``value`` on one line: whitespace runs (any line separator included) become one space, NULs go."""
    # str.split() splits on every separator in LINE_BREAKS except NUL.
    return " ".join(value.replace("\x00", "").split())


def validate_single_line(value: str) -> None:
    """Refuse line breaks (for text an editor composes; names are normalised instead)."""
    if has_line_break(value):
        raise ValidationError(_("This field cannot contain line breaks."), code="newline")


class SingleLineField(forms.CharField):
    """A form field whose cleaned value is one line (see :func:`single_line`).

    Normalised before the length and other validators run, so they judge what is stored.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if isinstance(value, str) else value


class SingleLineCharField(models.CharField):
    """A model CharField that is one line whenever it is set, saved or read.

    Normalising on read (``from_db_value``) means rows saved before this rule (or written by
    raw SQL) can never put a line break into a mail, export or API answer.
    It is stored exactly like a CharField, so ``deconstruct`` says CharField: switching a
    field to this class needs no migration.
    """

    def from_db_value(self, value, expression, connection):
        return single_line(value) if isinstance(value, str) else value

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if isinstance(value, str) else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return single_line(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SingleLineField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
