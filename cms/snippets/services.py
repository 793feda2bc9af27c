"""School look-up-or-create for the public forms (bookings, challenge teams, and next, loans).

A teacher whose school is not in the database yet registers it with the booking or the team.
:func:`resolve_school` is the one place that decides what a new school needs (the snippet's own
validators: BRIN, postcode, name) and that a BRIN code makes one school, also when ten requests
for the same new school arrive at once: the unique BRIN index settles the race, the losers take
the winner's row.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from wagtail.search.tasks import insert_or_update_object_task

from cms.tasks import enqueue_with_write

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


def resolve_school(school: School | NewSchool, *, index: bool = True) -> School:
    """The known school, the school with the new one's BRIN code, or the new school, saved.

    Call inside the transaction that uses the school: when that transaction fails, the new school
    goes with it. Raises :class:`InvalidSchool` for details the School snippet would refuse.
    A new school's search index is updated by the worker; ``index=False`` leaves that to the
    caller's own task (:func:`index_school`), so a request writes one task row, not two.
    """
    if isinstance(school, School):
        return school
    brin = normalize_brin(school.brin_code)
    new = School(
        name=school.name.strip(),
        brin_code=brin,
        school_type=school.school_type,
        street=school.street.strip(),
        postcode=normalize_postcode(school.postcode),
        city=school.city.strip(),
    )
    try:
        new.full_clean(validate_unique=False)  # the unique index settles a known BRIN code below
    except ValidationError as error:
        if existing := School.objects.filter(brin_code=brin).first():
            return existing  # a known BRIN code needs no valid new details
        # Report the first problem on the matching form field (school_brin, school_postcode, ...).
        name, messages = next(iter(error.message_dict.items()))
        raise InvalidSchool(messages[0], field=FORM_FIELDS.get(name, f"school_{name}")) from None
    # One statement, race-free: INSERT ... ON CONFLICT (brin_code) DO UPDATE SET brin_code =
    # brin_code RETURNING id. A known BRIN code leaves its row as it is and gives its id (a race
    # of two first bookings, or a form that had every detail and so didn't look the code up); the
    # instance then carries the typed details, its row the stored ones. No save signals: the search index is updated
    # by the worker (a school carries no references for Wagtail's reference index yet).
    School.objects.bulk_create(
        [new], update_conflicts=True, unique_fields=["brin_code"], update_fields=["brin_code"]
    )
    if index:
        enqueue_with_write(
            insert_or_update_object_task, School._meta.app_label, School._meta.model_name, str(new.pk)
        )
    return new


def index_school(school_id: int) -> None:
    """Update a school's search index now (in a task that registered it with ``index=False``)."""
    insert_or_update_object_task.call(School._meta.app_label, School._meta.model_name, str(school_id))
