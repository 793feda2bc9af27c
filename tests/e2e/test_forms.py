"""The public forms as a teacher meets them: on a small phone, with mistakes, and the booking path from home."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.booking_form import send_booking_for_a_class
from tests.factories import ensure_wagtail_base_rows

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIDTHS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}


@pytest.fixture
def demo_site(transactional_db):
    ensure_wagtail_base_rows()
    call_command("seed_demo", "--no-accounts", verbosity=0)


def form_paths() -> list[str]:
    from cms.bookings.queries import open_slots
    from cms.pages.models import ChallengePage, EventPage

    event = EventPage.objects.live().order_by("path").first()
    challenge = ChallengePage.objects.live().order_by("path").first()
    return [
        f"/boeken/tijdslot/{open_slots().first().pk}/",
        f"/evenementen/{event.pk}/aanmelden/",
        f"/evenementen/challenge/{challenge.pk}/team-aanmelden/",
        "/nieuwsbrief/aanmelden/",
        "/lesmateriaal-delen/",
    ]


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA).response
    return [
        f"{v['id']}: {v['help']} - {[n['target'][0] for n in v['nodes'][:3]]}" for v in results["violations"]
    ]


def test_forms_fit_a_320_px_phone_and_show_their_errors_accessibly(page, live_server, demo_site):
    page.set_viewport_size({"width": 320, "height": 640})
    problems = {}
    for path in form_paths():
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        font_sizes = page.eval_on_selector_all(
            "form.form input:not([type=hidden]):not([type=checkbox]):not([type=radio]), form.form select,"
            " form.form textarea",
            "els => els.filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize))",
        )
        assert font_sizes and min(font_sizes) >= 16, path  # iOS zooms into smaller inputs

        page.locator("form.form button[type=submit]").last.click()
        summary = page.locator("[data-error-summary]")
        expect(summary).to_be_focused()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        if found := violations(page):
            problems[path] = found

        # A link in the summary brings the teacher to the field.
        link = summary.locator("a").first
        target = link.get_attribute("href")
        link.click()
        expect(page.locator(target)).to_be_focused()
    assert not problems, problems


@pytest.mark.parametrize("width", WIDTHS)
def test_teacher_finds_booking_from_the_home_page_and_books(page, live_server, demo_site, width):
    from cms.bookings.models import Booking

    page.set_viewport_size(WIDTHS[width])
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Boek een techniekles").first.click()
    page.wait_for_url("**/boeken/")
    page.get_by_role("link", name="Boeken").first.click()
    page.wait_for_url("**/boeken/tijdslot/**")

    page.get_by_role("button", name="Boeking versturen").click()  # a mistake first: nothing filled in
    expect(page.locator("[data-error-summary]")).to_contain_text("Zoek je school op")

    page.get_by_label("Naam van de school").fill("OBS Het Anker")
    page.get_by_label("BRIN-code", exact=True).fill("99zz")
    page.get_by_label("Straat en huisnummer").fill("Havenstraat 3")
    page.get_by_label("Postcode").fill("3011ab")
    page.get_by_label("Plaats").fill("Rotterdam")
    send_booking_for_a_class(page, contact="Meester Bas", email="bas@anker.nl", pupils=20)

    assert Booking.objects.get(school__brin_code="99ZZ").contact_name == "Meester Bas"
