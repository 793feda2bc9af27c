"""A teacher shares their totals with their school; the school's contact sees them on a phone; withdrawn, gone."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.events import attendance, services
from cms.professionalisation import services as record
from cms.professionalisation.tokens import make_record_token, make_school_token
from tests.events.conftest import make_registration
from tests.factories import EventPageFactory, RegionSite, SchoolFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def school_with_teachers(transactional_db):
    from wagtail.models import Page, Site

    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    region = RegionSite()
    start = timezone.now() + dt.timedelta(minutes=30)
    event = EventPageFactory(
        parent=region.events,
        title="Masterclass micro:bit",
        event_type="masterclass",
        professionalisation_hours=Decimal("3"),
        start=start,
        end=start + dt.timedelta(hours=3),
    )
    for name, email in (("Anna de Vries", "anna@school.nl"), ("Bram Jansen", "bram@school.nl")):
        registration = services.register_for_event(
            make_registration(event, name=name, email=email)
        ).registration
        done = attendance.check_in_registration(registration.pk, event.occurrences.first())
        record.issue_certificate(done.attendance.pk)
    return SchoolFactory(name="Vmbo College Zuid", contact_email="directie@collegezuid.nl")


def test_teacher_shares_with_the_school_and_withdraws(browser, live_server, school_with_teachers):
    school = school_with_teachers
    base = live_server.url
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    teacher = context.new_page()
    teacher.goto(f"{base}/professionalisering/overzicht/{make_record_token('anna@school.nl')}/")
    teacher.get_by_label("Deel de totalen").select_option(
        label=f"{school.name} ({school.brin_code}), Rotterdam"
    )
    teacher.get_by_role("button", name="Opslaan").click()

    contact = context.new_page()
    overview = f"{base}/professionalisering/school/{make_school_token(school.pk, school.contact_email)}/"
    contact.goto(overview)
    teachers = contact.get_by_test_id("school-teachers")
    expect(teachers).to_contain_text("Anna de Vries")
    expect(teachers).to_contain_text("1 activiteit, 3 uur")
    expect(contact.get_by_text("Bram Jansen")).to_have_count(0)
    assert contact.evaluate("document.documentElement.scrollWidth") <= 390

    teacher.get_by_label("Deel de totalen").select_option(label="— met geen enkele school delen —")
    teacher.get_by_role("button", name="Opslaan").click()
    contact.goto(overview)
    expect(contact.get_by_text("Anna de Vries")).to_have_count(0)
    expect(contact.get_by_text("Nog geen docent")).to_be_visible()
    context.close()
