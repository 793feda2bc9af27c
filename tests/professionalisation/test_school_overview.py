"""The school's contact sees its teachers' totals per school year by a magic link, only with their consent."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone

from cms.professionalisation import services as record
from cms.professionalisation.tokens import make_record_token, make_school_token
from tests.factories import SchoolFactory
from tests.professionalisation.test_certificates import attend, masterclass

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(db):
    return SchoolFactory(name="Vmbo College Zuid", brin_code="12AB", contact_email="Directie@CollegeZuid.nl")


def consent(client, email, school):
    return client.post(
        f"/professionalisering/overzicht/{make_record_token(email)}/", {"school": school.pk if school else ""}
    )


def school_page(client, school):
    return client.get(f"/professionalisering/school/{make_school_token(school.pk, school.contact_email)}/")


def test_link_is_mailed_to_the_schools_contact_and_opens_the_overview(
    region_site, client, school, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/professionalisering/school/", {"brin_code": " 12ab "})
    assert response.status_code == 200 and "onderweg" in response.content.decode()
    [(recipients, mail)] = smtp_server.messages
    assert recipients == ["Directie@CollegeZuid.nl"]
    url = re.search(r"https?://\S+/professionalisering/school/\S+/", mail.get_body(("plain",)).get_content())[
        0
    ]
    page = client.get(url)
    assert page.status_code == 200 and "Vmbo College Zuid" in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"


def test_a_school_without_contact_address_gets_no_mail_and_the_same_answer(
    region_site, client, school, smtp_server, django_capture_on_commit_callbacks
):
    SchoolFactory(brin_code="34CD", contact_email="")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/professionalisering/school/", {"brin_code": "12AB"})
        without = client.post("/professionalisering/school/", {"brin_code": "34CD"})
    assert known.content == without.content
    assert len(smtp_server.messages) == 1


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "BRIN-code van je school: dit veld is verplicht."),
        ("12", "Vul een geldige BRIN-code in"),
        ("99ZZ", "We kennen geen school met deze BRIN-code."),
    ],
)
def test_bad_input_is_a_400_with_a_dutch_form_error(region_site, client, school, code, message):
    response = client.post("/professionalisering/school/", {"brin_code": code})
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and message in html


def test_only_teachers_who_consented_appear_with_totals_per_school_year(region_site, client, school):
    attend(masterclass(region_site), email="anna@school.nl", name="Anna de Vries")
    attend(
        masterclass(region_site, title="Training lasersnijden", event_type="training"), email="anna@school.nl"
    )
    attend(masterclass(region_site), email="bram@school.nl", name="Bram Jansen")
    assert consent(client, "anna@school.nl", school).status_code == 302
    html = school_page(client, school).content.decode()
    assert "Anna de Vries" in html and "Bram Jansen" not in html and "bram@school.nl" not in html
    year = record.school_year_of(timezone.localdate())
    assert year in html and "2 activiteiten, 7 uur" in html
    assert "Training lasersnijden" not in html  # totals only, never which activities
    [anna] = record.school_totals(school)
    assert anna.per_school_year == (record.YearTotal(year, 2, Decimal("7")),)


def test_a_withdrawn_consent_removes_the_teacher_from_the_overview(region_site, client, school):
    attend(masterclass(region_site), email="anna@school.nl", name="Anna de Vries")
    consent(client, "anna@school.nl", school)
    assert "Anna de Vries" in school_page(client, school).content.decode()
    consent(client, "anna@school.nl", None)
    html = school_page(client, school).content.decode()
    assert "Anna de Vries" not in html and "Nog geen docent" in html


def test_a_teacher_who_chose_another_school_is_never_shown(region_site, client, school):
    other = SchoolFactory(name="Basisschool De Klimop", contact_email="info@klimop.nl")
    attend(masterclass(region_site), email="anna@school.nl", name="Anna de Vries", organisation=school.name)
    consent(client, "anna@school.nl", other)
    assert "Anna de Vries" not in school_page(client, school).content.decode()
    assert "Anna de Vries" in school_page(client, other).content.decode()


def test_forged_expired_or_former_contacts_links_are_refused_with_a_400(
    region_site, client, school, settings
):
    token = make_school_token(school.pk, school.contact_email)
    assert client.get(f"/professionalisering/school/{token}x/").status_code == 400
    assert client.get(f"/professionalisering/school/{make_record_token('a@b.nl')}/").status_code == 400
    school.contact_email = "nieuw@collegezuid.nl"
    school.save()
    refused = client.get(f"/professionalisering/school/{token}/")
    assert refused.status_code == 400 and "niet geldig" in refused.content.decode()
    assert school_page(client, school).status_code == 200
    settings.PROFESSIONALISATION_RECORD_LINK_DAYS = -1
    assert school_page(client, school).status_code == 400


def test_an_unknown_school_on_the_consent_form_is_a_400(region_site, client):
    attend(masterclass(region_site), email="anna@school.nl")
    response = client.post(
        f"/professionalisering/overzicht/{make_record_token('anna@school.nl')}/", {"school": "x"}
    )
    assert response.status_code == 400 and "Kies een school uit de lijst" in response.content.decode()
