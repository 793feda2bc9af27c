"""resolve_school: one school per BRIN code, validated like the snippet, also under parallel requests."""

import threading

import pytest
from django.db import connection, transaction

from cms.snippets.models import School
from cms.snippets.services import InvalidSchool, NewSchool, resolve_school
from tests.factories import SchoolFactory

PARALLEL = 10


def new_school(**overrides) -> NewSchool:
    values = {"name": " OBS De Regenboog ", "brin_code": "12ab", "postcode": "3011ab", "city": "Rotterdam"}
    return NewSchool(**{**values, **overrides})


@pytest.mark.django_db
def test_a_new_school_is_saved_normalised():
    school = resolve_school(new_school(street="Schoolstraat 1"))

    assert School.objects.get() == school
    assert (school.name, school.brin_code, school.postcode) == ("OBS De Regenboog", "12AB", "3011 AB")
    assert school.school_type == School.SchoolType.PO


@pytest.mark.django_db
def test_a_known_brin_code_gives_the_known_school():
    known = SchoolFactory(brin_code="12AB", name="De Regenboog")

    assert resolve_school(new_school(name="Iets anders")) == known
    assert School.objects.count() == 1


@pytest.mark.django_db
def test_invalid_details_name_the_form_field_and_save_nothing():
    with pytest.raises(InvalidSchool) as error:
        resolve_school(new_school(brin_code="ABCD"))

    assert error.value.field == "school_brin"
    assert not School.objects.exists()


@pytest.mark.django_db
def test_the_new_school_goes_when_the_callers_transaction_fails():
    with pytest.raises(RuntimeError), transaction.atomic():
        resolve_school(new_school())
        raise RuntimeError("booking refused")

    assert not School.objects.exists()


# No in-process SQLite variant: the test database is a shared-cache in-memory database, whose
# table locks fail parallel writers at once ("database table is locked") instead of queueing them
# as the file database with WAL and BEGIN IMMEDIATE does (tests/bookings/test_sqlite_load.py).
def resolve_in_parallel(count: int) -> list:
    """``count`` threads, each with its own connection, register the same new school at once."""
    barrier = threading.Barrier(count)
    outcomes: list = [None] * count

    def attempt(index: int) -> None:
        try:
            barrier.wait()
            with transaction.atomic():  # as in book_slot and register_team
                outcomes[index] = resolve_school(new_school()).pk
        except Exception as error:  # kept for the assertion message
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_ten_parallel_requests_for_one_new_school_create_one_row_on_postgresql():
    assert connection.vendor == "postgresql"

    outcomes = resolve_in_parallel(PARALLEL)

    assert [o for o in outcomes if not isinstance(o, int)] == []
    assert School.objects.filter(brin_code="12AB").count() == 1
    assert set(outcomes) == {School.objects.get().pk}
