"""AVG: a certificate is anonymised or deleted together with the registration it belongs to."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.events.models import EventRegistration
from cms.events.privacy import anonymise_participants
from cms.professionalisation import services as record
from cms.professionalisation.models import Certificate, RecordConsent
from cms.professionalisation.tokens import make_record_token
from tests.factories import SchoolFactory
from tests.professionalisation.test_certificates import attend, masterclass

pytestmark = pytest.mark.django_db

LATER = timezone.now() + dt.timedelta(days=3 * 365)


def test_anonymising_registrations_anonymises_their_certificates(region_site, client):
    school = SchoolFactory()
    certificate = attend(
        masterclass(region_site), email="anna@school.nl", name="Anna de Vries"
    ).attendance.certificate
    record.set_consent("anna@school.nl", school)
    anonymise_participants(now=LATER)
    certificate.refresh_from_db()
    assert (certificate.name, certificate.email, certificate.organisation) == ("", "", "")
    assert certificate.anonymised_at is not None
    assert not RecordConsent.objects.exists()  # no certificate left under the address
    # The record by magic link no longer lists it; the school does not see the teacher.
    html = client.get(
        f"/professionalisering/overzicht/{make_record_token('anna@school.nl')}/"
    ).content.decode()
    assert certificate.code not in html
    assert record.school_totals(school) == []
    # The hours still count (without a school).
    assert [(c.school, c.activities) for c in record.activity_counts()] == [("", 1)]


def test_an_anonymised_code_still_verifies_but_shows_no_name(region_site, client):
    certificate = attend(masterclass(region_site), name="Anna de Vries").attendance.certificate
    anonymise_participants(now=LATER)
    page = client.get(f"/professionalisering/certificaat/{certificate.code}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Anna de Vries" not in html and "Verwijderd" in html and certificate.activity in html


def test_recent_registrations_and_their_certificates_are_kept(region_site):
    attend(masterclass(region_site), name="Anna de Vries")
    anonymise_participants()
    assert Certificate.objects.get().name == "Anna de Vries"


def test_deleting_a_registration_deletes_its_certificate(region_site):
    done = attend(masterclass(region_site), name="Anna de Vries")
    EventRegistration.objects.filter(pk=done.attendance.registration_id).delete()
    assert not Certificate.objects.exists()


def test_anonymising_keeps_other_teachers_consent(region_site):
    school = SchoolFactory()
    past = masterclass(region_site)
    attend(past, email="anna@school.nl")
    record.set_consent("bram@school.nl", school)
    attend(masterclass(region_site), email="bram@school.nl")
    EventRegistration.objects.filter(email="bram@school.nl").update(anonymised_at=None)
    # Only Anna's registration is anonymised (as the command would once her event is old).
    EventRegistration.objects.filter(email="anna@school.nl").update(anonymised_at=timezone.now())
    assert record.anonymise_certificates() == 1
    assert list(RecordConsent.objects.values_list("email", flat=True)) == ["bram@school.nl"]
    assert record.anonymise_certificates() == 0
