"""Certificates after check-in, verification by code, the teacher's record by magic link, consent, figures."""

import datetime as dt
import io
import itertools
import re
import zipfile
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from cms.events import attendance, services
from cms.professionalisation import services as record
from cms.professionalisation.models import Certificate
from cms.professionalisation.tokens import make_record_token
from tests.events.conftest import make_registration
from tests.factories import EventPageFactory, SchoolFactory

pytestmark = pytest.mark.django_db


TITLES = itertools.count()


def masterclass(region_site, **kwargs):
    start = timezone.now() + dt.timedelta(hours=1)
    values = {
        "parent": region_site.events,
        "title": f"Masterclass micro:bit {next(TITLES)}",
        "event_type": "masterclass",
        "professionalisation_hours": Decimal("3.5"),
        "start": start,
        "end": start + dt.timedelta(hours=3),
    }
    values.update(kwargs)
    return EventPageFactory(**values)


def attend(event, **kwargs):
    """Check someone in; the certificate is issued as the receiver would after the commit."""
    registration = services.register_for_event(make_registration(event, **kwargs)).registration
    done = attendance.check_in_registration(registration.pk, event.occurrences.first())
    record.issue_certificate(done.attendance.pk)
    return done


def test_check_in_at_a_professionalisation_event_issues_and_mails_a_certificate(
    region_site, smtp_server, django_capture_on_commit_callbacks
):
    event = masterclass(region_site)
    with django_capture_on_commit_callbacks(execute=True):
        done = attend(event, name="Anna de Vries", email="Anna@School.nl")
    certificate = Certificate.objects.get(attendance=done.attendance)
    assert (certificate.name, certificate.hours, certificate.email) == (
        "Anna de Vries",
        Decimal("3.5"),
        "anna@school.nl",
    )
    mail = next(m for rcpts, m in smtp_server.messages if "certificaat" in m["Subject"].lower())
    pdf = next(p for p in mail.iter_attachments() if p.get_content_type() == "application/pdf")
    assert pdf.get_content().startswith(b"%PDF")
    assert certificate.code in mail.get_body(("plain",)).get_content()


def test_no_certificate_without_hours_or_for_a_kind_that_is_not_professionalisation(region_site):
    attend(masterclass(region_site, professionalisation_hours=None))
    attend(masterclass(region_site, event_type="learning_network", professionalisation_hours=None))
    assert not Certificate.objects.exists()


def test_a_certificate_is_issued_once_per_attendance(region_site):
    done = attend(masterclass(region_site))
    first = record.issue_certificate(done.attendance.pk)
    assert record.issue_certificate(done.attendance.pk) == first
    assert Certificate.objects.count() == 1


def test_verification_page_shows_a_genuine_certificate_and_refuses_an_unknown_code(region_site, client):
    done = attend(masterclass(region_site), name="Anna de Vries")
    certificate = done.attendance.certificate
    page = client.get(f"/professionalisering/certificaat/{certificate.code}/")
    assert page.status_code == 200
    assert "Anna de Vries" in page.content.decode() and "echt" in page.content.decode()
    typed = client.get(
        "/professionalisering/certificaat/", {"code": certificate.code.replace("-", "").lower()}
    )
    assert "Anna de Vries" in typed.content.decode()
    assert client.get("/professionalisering/certificaat/AAAAA-BBBBB/").status_code == 404


def test_pdf_carries_the_name_hours_and_verification_code(region_site):
    certificate = attend(masterclass(region_site), name="Anna de Vries").attendance.certificate
    text = PdfReader(io.BytesIO(record.render_certificate(certificate))).pages[0].extract_text()
    assert "Anna de Vries" in text and certificate.code in text and "3,5" in text


def test_record_link_is_mailed_only_for_an_address_with_certificates_and_the_form_answers_alike(
    region_site, client, smtp_server, django_capture_on_commit_callbacks
):
    attend(masterclass(region_site), email="anna@school.nl")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/professionalisering/", {"email": "ANNA@school.nl"})
        unknown = client.post("/professionalisering/", {"email": "niemand@school.nl"})
    assert known.content == unknown.content or known.status_code == unknown.status_code == 200
    links = [
        m
        for rcpts, m in smtp_server.messages
        if rcpts == ["anna@school.nl"] and "overzicht" in m["Subject"].lower()
    ]
    assert len(links) == 1
    assert not [m for rcpts, m in smtp_server.messages if rcpts == ["niemand@school.nl"]]
    url = re.search(
        r"https?://\S+/professionalisering/overzicht/\S+/", links[0].get_body(("plain",)).get_content()
    )[0]
    assert client.get(url).status_code == 200


def test_record_shows_hours_per_school_year_and_downloads_every_certificate(region_site, client):
    attend(masterclass(region_site), email="anna@school.nl")
    attend(
        masterclass(region_site, title="Training lasersnijden", event_type="training"), email="anna@school.nl"
    )
    attend(masterclass(region_site), email="ander@school.nl")
    token = make_record_token("anna@school.nl")
    html = client.get(f"/professionalisering/overzicht/{token}/").content.decode()
    year = record.school_year_of(timezone.localdate())
    assert year in html and "7 uur" in html
    assert "Training lasersnijden" in html
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(f"/professionalisering/overzicht/{token}/certificaten.zip").content)
    )
    assert len(archive.namelist()) == 2
    other = Certificate.objects.get(email="ander@school.nl")
    assert (
        client.get(f"/professionalisering/overzicht/{token}/certificaat-{other.code}.pdf").status_code == 404
    )


def test_a_forged_or_expired_record_link_is_refused(region_site, client, settings):
    token = make_record_token("anna@school.nl")
    assert client.get(f"/professionalisering/overzicht/{token}x/").status_code == 400
    settings.PROFESSIONALISATION_RECORD_LINK_DAYS = -1
    assert client.get(f"/professionalisering/overzicht/{token}/").status_code == 400


def test_school_sees_totals_only_of_teachers_who_consented(region_site, client):
    school = SchoolFactory(name="Vmbo College Zuid")
    attend(masterclass(region_site), email="anna@school.nl", name="Anna")
    attend(masterclass(region_site), email="bram@school.nl", name="Bram")
    assert record.school_totals(school) == []
    token = make_record_token("anna@school.nl")
    client.post(f"/professionalisering/overzicht/{token}/", {"school": school.pk})
    totals = record.school_totals(school)
    assert [(t.name, t.activities, t.hours) for t in totals] == [("Anna", 1, Decimal("3.5"))]
    client.post(f"/professionalisering/overzicht/{token}/", {"school": ""})
    assert record.school_totals(school) == []


def test_activity_counts_per_school_kind_and_quarter(region_site):
    school = SchoolFactory(name="Vmbo College Zuid")
    attend(masterclass(region_site), organisation="vmbo college zuid")
    attend(
        masterclass(region_site, event_type="company_visit", title="Bedrijfsbezoek"), organisation="Onbekend"
    )
    counts = {(c.school, c.kind): (c.activities, c.hours) for c in record.activity_counts()}
    assert counts == {
        (school.name, "masterclass"): (1, Decimal("3.5")),
        ("", "company_visit"): (1, Decimal("3.5")),
    }
    quarter = record.activity_counts()[0].quarter
    today = timezone.localdate()
    assert quarter == f"{today.year}-Q{(today.month - 1) // 3 + 1}"
