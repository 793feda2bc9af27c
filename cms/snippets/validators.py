"""Validators for Dutch reference data (BRIN codes, postcodes, coordinates)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

BRIN_RE = re.compile(r"^\d{2}[A-Z]{2}(\d{2})?$")
POSTCODE_RE = re.compile(r"^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$")


def normalize_brin(value: str) -> str:
    return (value or "").strip().upper().replace(" ", "")


def validate_brin(value: str) -> None:
    """A BRIN code is 2 digits + 2 letters ("12AB"), a location adds 2 digits ("12AB00")."""
    if not BRIN_RE.match(normalize_brin(value)):
        raise ValidationError(
            _(
                "Enter a valid BRIN code: 2 digits and 2 letters, optionally followed by 2 digits (e.g. 12AB or 12AB00)."
            ),
            code="invalid_brin",
        )


def normalize_postcode(value: str) -> str:
    """Return a Dutch postcode in its canonical form "1234 AB"."""
    compact = (value or "").strip().upper().replace(" ", "")
    if len(compact) == 6:
        return f"{compact[:4]} {compact[4:]}"
    return compact


def validate_postcode(value: str) -> None:
    if not POSTCODE_RE.match(normalize_postcode(value)):
        raise ValidationError(_("Enter a valid Dutch postcode, e.g. 3011 AB."), code="invalid_postcode")


latitude_validators = [
    MinValueValidator(-90, message=_("Latitude must be between -90 and 90.")),
    MaxValueValidator(90, message=_("Latitude must be between -90 and 90.")),
]
longitude_validators = [
    MinValueValidator(-180, message=_("Longitude must be between -180 and 180.")),
    MaxValueValidator(180, message=_("Longitude must be between -180 and 180.")),
]
