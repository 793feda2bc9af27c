"""A teacher finds a kit, sees it is free, reserves it and gets the mail with the .ics; the
coordinator checks the copy out and in at the loan desk. A real browser (Debian's Chromium), real SMTP."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.loans.models import LoanCoordinator, Reservation
from tests.factories import LessonKitPageFactory

from .factories import CopyFactory, next_monday


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_teacher_reserves_a_kit_and_the_coordinator_checks_it_out_and_in(
    live_server, page, wagtail_root, region_site, smtp_server
):
    kit = LessonKitPageFactory(parent=region_site.databank, title="Bruggen bouwen")
    copy = CopyFactory(item__lesson_kit=kit, item__title="Uitleenkist Bruggen", inventory_number="BR-01")
    week = next_monday()

    page.goto(live_server.url + kit.get_url())
    section = page.locator(".loan-section")
    assert "1 vrij" in section.locator(".loan-week--free").first.inner_text()
    section.get_by_role("link", name="Reserveer deze kist").click()

    page.get_by_label("Eerste week van de uitlening").select_option(week.isoformat())
    page.get_by_label("Naam van de school").fill("OBS De Regenboog")
    page.get_by_label("BRIN-code", exact=True).fill("12ab")
    page.get_by_label("Straat en huisnummer").fill("Schoolstraat 1")
    page.get_by_label("Postcode").fill("3011ab")
    page.get_by_label("Plaats").fill("Rotterdam")
    page.get_by_label("Contactpersoon").fill("Juf Anna")
    page.get_by_label("E-mailadres").fill("anna@regenboog.nl")
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    page.get_by_role("button", name="Reservering versturen").click()

    page.get_by_role("heading", name="Reservering ontvangen").wait_for()
    loan = Reservation.objects.get()
    assert (loan.copy, loan.pickup_date, loan.status) == (copy, week, Reservation.Status.CONFIRMED)
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["anna@regenboog.nl"]
    [ics] = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert ics.get_content().count("BEGIN:VEVENT") == 2

    # The coordinator of the pick-up point hands the box out on the pick-up day and takes it back.
    Reservation.objects.filter(pk=loan.pk).update(pickup_date=timezone.localdate())
    user = get_user_model().objects.create_superuser("coord", "coord@techniekhuis.nl", "secret-password")
    LoanCoordinator.objects.create(user=user, pickup_point=copy.pickup_point)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "coord")
    page.fill("#id_password", "secret-password")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(live_server.url + "/admin/uitleenbalie/")
    assert "BR-01" in page.locator("table").first.inner_text()
    page.get_by_label("Inventarisnummer").fill("br-01")
    page.get_by_role("button", name="Uitlenen").click()
    page.get_by_text("Uitgeleend: BR-01").wait_for()
    page.get_by_label("Inventarisnummer").fill("BR-01")
    page.get_by_label("Bereikte leerlingen (bij inname)").fill("26")
    page.get_by_role("button", name="Innemen").click()
    page.get_by_text("Ingenomen: BR-01").wait_for()
    loan.refresh_from_db()
    assert (loan.status, loan.pupils_reached) == (Reservation.Status.RETURNED, 26)
