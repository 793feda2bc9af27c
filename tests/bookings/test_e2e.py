"""A teacher books a lesson in a real browser (Debian's Chromium), without any JavaScript of ours."""

import pytest

from cms.bookings.models import Booking
from tests.factories import TechniekhuisPageFactory

from .factories import LessonOfferingFactory, TimeSlotFactory


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_teacher_books_a_slot_through_the_public_form(live_server, page, wagtail_root, region_site):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Techniekhuis op Zuid")
    offering = LessonOfferingFactory(title="Bouw een windmolen", techniekhuis=house)
    slot = TimeSlotFactory(offering=offering, capacity_classes=3)
    house_url = live_server.url + house.get_url()

    page.goto(house_url)
    row = page.locator(f"li[data-slot='{slot.pk}']")
    assert row.locator(".slot__places").inner_text() == "nog 3 plekken"
    row.get_by_role("link", name="Boeken").click()

    page.get_by_text("Kennen wij je school nog niet?").click()  # the new school's details unfold
    page.get_by_label("Naam van de school").fill("OBS De Regenboog")
    page.get_by_label("BRIN-code", exact=True).fill("12ab")
    page.get_by_label("Straat en huisnummer").fill("Schoolstraat 1")
    page.get_by_label("Postcode").fill("3011ab")
    page.get_by_label("Plaats").fill("Rotterdam")
    page.get_by_label("Contactpersoon").fill("Juf Anna")
    page.get_by_label("E-mailadres").fill("anna@regenboog.nl")
    page.get_by_label("Groep").select_option("6")
    page.get_by_label("Aantal leerlingen").fill("24")
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    page.get_by_role("button", name="Boeking versturen").click()

    page.get_by_role("heading", name="Bedankt voor je boeking").wait_for()
    assert "Je boeking is bevestigd" in page.get_by_role("status").inner_text()
    booking = Booking.objects.get()
    assert (booking.school.brin_code, booking.status, booking.pupils) == ("12AB", "confirmed", 24)

    page.goto(house_url)
    assert page.locator(f"li[data-slot='{slot.pk}'] .slot__places").inner_text() == "nog 2 plekken"
