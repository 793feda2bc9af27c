"""School look-up-or-create for the public forms (bookings, challenge teams, and next, loans).

A teacher whose school is not in the database yet registers it with the booking or the team.
:func:`resolve_school` is the one place that decides what a new school needs (the snippet's own
validators: BRIN, postcode, name) and that a BRIN code makes one school, also when ten requests
for the same new school arrive at once: the unique BRIN index settles the race, the losers take
the winner's row.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .models import School
from .validators import normalize_brin, normalize_postcode

#: The form field (see :class:`~cms.snippets.forms.NewSchoolFieldsForm`) of each School field.
FORM_FIELDS = {
    "name": "school_name",
    "brin_code": "school_brin",
    "street": "school_street",
    "postcode": "school_postcode",
    "city": "school_city",
    "school_type": "school_type",
}


@dataclass(frozen=True)
class NewSchool:
    """A school typed into a public form; :func:`resolve_school` registers it."""

    name: str
    brin_code: str
    postcode: str
    street: str = ""
    city: str = ""
    school_type: str = School.SchoolType.PO


class InvalidSchool(ValueError):
    """The new school's details do not make a valid school; ``field`` is the form field to blame."""

    code = "invalid_school"

    def __init__(self, message: str, *, field: str):
        super().__init__(str(message))
        self.message = message
        self.field = field


def resolve_school(school: School | NewSchool) -> School:
    """The known school, the school with the new one's BRIN code, or the new school, saved.

    Call inside the transaction that uses the school: when that transaction fails, the new school
    goes with it. Raises :class:`InvalidSchool` for details the School snippet would refuse.
    """
    if isinstance(school, School):
        return school
    brin = normalize_brin(school.brin_code)
    if existing := School.objects.filter(brin_code=brin).first():
        return existing
    new = School(
        name=school.name.strip(),
        brin_code=brin,
        school_type=school.school_type,
        street=school.street.strip(),
        postcode=normalize_postcode(school.postcode),
        city=school.city.strip(),
    )
    try:
        new.full_clean(validate_unique=False)  # just checked; the unique index settles any race below
    except ValidationError as error:
        # Report the first problem on the matching form field (school_brin, school_postcode, ...).
        name, messages = next(iter(error.message_dict.items()))
        raise InvalidSchool(messages[0], field=FORM_FIELDS.get(name, f"school_{name}")) from None
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction survives a lost race
            new.save()
    except IntegrityError:  # registered a moment ago by someone else
        return School.objects.get(brin_code=brin)
    return new
