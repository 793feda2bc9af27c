"""An organiser checks two attendees in on a phone; a teacher opens the magic link and downloads a certificate."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from playwright.sync_api import expect

from cms.events import services
from cms.events.tokens import make_checkin_token
from cms.professionalisation.models import Certificate
from cms.professionalisation.tokens import make_record_token
from tests.events.conftest import make_registration
from tests.factories import EventPageFactory, RegionSite

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord"


@pytest.fixture
def masterclass(transactional_db, django_user_model):
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
    user = django_user_model.objects.create_user("organisator", "org@sto.nl", PASSWORD)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_eventregistration"),
    )
    anna = services.register_for_event(
        make_registration(event, name="Anna de Vries", email="anna@school.nl")
    ).registration
    bram = services.register_for_event(
        make_registration(event, name="Bram Jansen", email="bram@school.nl")
    ).registration
    return event, anna, bram


def test_organiser_checks_in_two_on_a_phone_and_the_teacher_downloads_a_certificate(
    browser, live_server, masterclass
):
    event, anna, bram = masterclass
    base = live_server.url
    phone = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "organisator")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/inchecken/")
    page.get_by_role("link", name="Inchecken").first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # The typed fallback: find the name, press its button.
    page.fill("#checkin-q", "anna")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("button", name="Anna de Vries inchecken").click()
    expect(page.get_by_text("Anna de Vries is ingecheckt.")).to_be_visible()

    # What the camera would read: the ticket's code, pasted.
    page.fill("#checkin-token", make_checkin_token(bram))
    page.locator("form[data-checkin-scanner] button[type=submit]").click()
    expect(page.get_by_text("Bram Jansen is ingecheckt.")).to_be_visible()
    expect(page.get_by_test_id("checkin-count")).to_have_text("2 van 2 ingecheckt")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()

    certificate = Certificate.objects.get(email="anna@school.nl")
    teacher = browser.new_context(
        locale="nl-NL", viewport={"width": 390, "height": 844}, accept_downloads=True
    )
    page = teacher.new_page()
    page.goto(f"{base}/professionalisering/overzicht/{make_record_token('anna@school.nl')}/")
    expect(page.get_by_text("Masterclass micro:bit")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Certificaat (pdf)").click()
    download = download_info.value
    assert download.suggested_filename == f"certificaat-{certificate.code}.pdf"
    with open(download.path(), "rb") as file:
        assert file.read(4) == b"%PDF"
    teacher.close()
