"""Teachers of the school who did not share their record appear on the school's page only as a number."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.events.privacy import anonymise_participants
from cms.professionalisation import services as record
from cms.professionalisation.tokens import make_record_token, make_school_token
from tests.factories import SchoolFactory
from tests.professionalisation.test_certificates import attend, masterclass

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(db):
    return SchoolFactory(name="Vmbo College Zuid", brin_code="12AB", contact_email="directie@collegezuid.nl")


def share(client, email, school):
    token = make_record_token(email)
    return client.post(f"/professionalisering/overzicht/{token}/", {"school": school.pk if school else ""})


def school_page(client, school) -> str:
    token = make_school_token(school.pk, school.contact_email)
    response = client.get(f"/professionalisering/school/{token}/")
    assert response.status_code == 200
    return response.content.decode()


def test_teachers_who_did_not_share_are_counted_but_never_named(region_site, client, school):
    event = masterclass(region_site)
    attend(event, email="anna@school.nl", name="Anna de Vries", organisation="Vmbo College Zuid")
    attend(event, email="bram@school.nl", name="Bram Jansen", organisation="vmbo college zuid ")
    attend(
        masterclass(region_site), email="bram@school.nl", name="Bram Jansen", organisation="Vmbo College Zuid"
    )
    attend(event, email="cees@school.nl", name="Cees Bakker", organisation="Vmbo College Zuid")
    share(client, "anna@school.nl", school)

    html = school_page(client, school)
    assert "Anna de Vries" in html
    assert "Bram Jansen" not in html and "bram@school.nl" not in html
    assert "Cees Bakker" not in html and "cees@school.nl" not in html
    assert "Minder dan 3 andere docenten" in html, "two could be told apart: no exact number"
    assert "Nog 2 docenten" not in html
    assert record.unshared_teacher_count(school) == 2


def test_from_three_teachers_who_did_not_share_the_page_gives_their_number(region_site, client, school):
    event = masterclass(region_site)
    for name in ("anna", "bram", "cees"):
        attend(event, email=f"{name}@school.nl", name=name.title(), organisation=school.name)

    html = school_page(client, school)

    assert "Nog 3 docenten die zich aanmeldden met de naam van jullie school" in html
    assert "Anna" not in html and "anna@school.nl" not in html


def test_withdrawing_consent_turns_a_name_into_a_count(region_site, client, school):
    attend(masterclass(region_site), email="anna@school.nl", name="Anna de Vries", organisation=school.name)
    share(client, "anna@school.nl", school)
    html = school_page(client, school)
    assert "Anna de Vries" in html and 'data-testid="school-unshared"' not in html

    share(client, "anna@school.nl", None)
    html = school_page(client, school)
    assert "Anna de Vries" not in html
    assert "Minder dan 3 andere docenten" in html


def test_teachers_of_another_school_or_who_chose_another_school_are_not_counted(region_site, client, school):
    other = SchoolFactory(name="Basisschool De Klimop", contact_email="info@klimop.nl")
    event = masterclass(region_site)
    attend(event, email="dirk@klimop.nl", name="Dirk Smit", organisation=other.name)
    attend(event, email="eva@school.nl", name="Eva Visser", organisation=school.name)
    share(client, "eva@school.nl", other)

    html = school_page(client, school)
    assert "Dirk Smit" not in html and "Eva Visser" not in html
    assert 'data-testid="school-unshared"' not in html
    assert record.unshared_teacher_count(school) == 0
    assert "Eva Visser" in school_page(client, other)
    assert record.unshared_teacher_count(other) == 1  # Dirk, counted at his own school only


def test_anonymised_certificates_are_not_counted_as_teachers(region_site, client, school):
    attend(masterclass(region_site), email="anna@school.nl", organisation=school.name)
    assert record.unshared_teacher_count(school) == 1
    anonymise_participants(older_than_days=0, now=timezone.now() + dt.timedelta(days=1))
    assert record.unshared_teacher_count(school) == 0
