"""Reference data is validated with Dutch error messages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.snippets.models import Partner, School
from cms.snippets.validators import normalize_postcode, validate_brin, validate_postcode


@pytest.mark.parametrize("code", ["12AB", "12AB00", "00ZZ99", " 12ab "])
def test_valid_brin_codes_pass(code):
    validate_brin(code)


@pytest.mark.parametrize("code", ["", "1AB", "ABCD", "12A", "12ABC", "123ABC", "12AB0", "12AB000"])
def test_invalid_brin_codes_fail(code):
    with pytest.raises(ValidationError):
        validate_brin(code)


@pytest.mark.parametrize("postcode", ["3011 AB", "3011AB", "3011ab", "9999 ZZ"])
def test_valid_postcodes_pass(postcode):
    validate_postcode(postcode)


@pytest.mark.parametrize(
    "postcode", ["0123 AB", "301 AB", "3011 A", "3011 SS", "3011 SA", "AB 3011", "30111AB"]
)
def test_invalid_postcodes_fail(postcode):
    with pytest.raises(ValidationError):
        validate_postcode(postcode)


def test_postcode_is_normalised():
    assert normalize_postcode(" 3011ab ") == "3011 AB"


@pytest.mark.django_db
def test_school_with_bad_brin_and_postcode_gets_dutch_messages():
    school = School(name="De Klimop", brin_code="XYZ", school_type="po", postcode="12345")
    with translation.override("nl"), pytest.raises(ValidationError) as excinfo:
        school.full_clean()
    errors = excinfo.value.message_dict
    assert "BRIN-code" in errors["brin_code"][0]
    assert "postcode" in errors["postcode"][0].lower()
    assert "geldige Nederlandse postcode" in errors["postcode"][0]


@pytest.mark.django_db
def test_school_clean_normalises_codes():
    school = School(name="De Klimop", brin_code="12ab00", school_type="po", postcode="3011ab")
    school.full_clean()
    assert school.brin_code == "12AB00"
    assert school.postcode == "3011 AB"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("latitude", Decimal("91")), ("latitude", Decimal("-90.5")), ("longitude", Decimal("180.1"))],
)
def test_coordinates_out_of_range_are_refused_in_dutch(field, value):
    partner = Partner(name="Havenbedrijf", slug="havenbedrijf", partner_type="company", **{field: value})
    with translation.override("nl"), pytest.raises(ValidationError) as excinfo:
        partner.full_clean()
    assert "moet tussen" in excinfo.value.message_dict[field][0]
