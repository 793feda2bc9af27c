"""Booking as a first-class path: from the home page to "Boek een les", filters, a slot, a booking.

On the demo content in Debian's Chromium at a phone's and a laptop's width; the filters also without
JavaScript; every public page kind fits a 320 px phone; the booking list and form pass axe-core.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from tests.conftest import BROWSER_LOCALE
from tests.e2e.booking_form import send_booking_for_a_class
from tests.factories import ensure_wagtail_base_rows

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIDTHS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}


@pytest.fixture
def demo_site(transactional_db):
    ensure_wagtail_base_rows()
    call_command("seed_demo", "--no-accounts", verbosity=0)


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA).response
    return [
        f"{v['id']}: {v['help']} - {[n['target'][0] for n in v['nodes'][:3]]}" for v in results["violations"]
    ]


def open_booking_list_from_home(page, base: str) -> None:
    page.goto(f"{base}/")
    menu = page.locator("button[data-menu-button]")
    if menu.is_visible():  # a phone: the navigation is behind the menu button
        menu.click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Boek een les").click()
    page.wait_for_url("**/boeken/")


@pytest.mark.parametrize("width", WIDTHS)
def test_teacher_finds_boek_een_les_filters_picks_a_slot_and_books(page, live_server, demo_site, width):
    from cms.bookings.models import Booking

    page.set_viewport_size(WIDTHS[width])
    open_booking_list_from_home(page, live_server.url)
    lessons = page.locator(".lesson-list > li")
    expect(lessons.first).to_be_visible()
    everything = lessons.count()

    # A filter applies at once (no button) and the URL keeps it.
    page.get_by_label("Groep").select_option(label="groep 6")
    page.wait_for_url(re.compile(r"/boeken/\?group=6$"))
    expect(page.locator("#lessons-heading")).not_to_contain_text(f"{everything} lessen")
    expect(page.get_by_role("heading", name="Zonne-auto bouwen in het energielab")).to_have_count(0)  # 7/8
    expect(page.locator(".chip")).to_contain_text("groep 6")
    assert not page.locator("[data-filters-apply]").is_visible()
    page.get_by_label("Maand").select_option(index=1)
    page.wait_for_url(re.compile(r"group=6&month=\d{4}-\d{2}"))

    # The back button goes to the previous filters, list and form alike.
    page.go_back()
    page.wait_for_url(re.compile(r"/boeken/\?group=6$"))
    expect(page.get_by_label("Maand")).to_have_value("")
    expect(page.get_by_label("Groep")).to_have_value("6")

    # A slot's button opens the form for that slot, the group already chosen.
    first = page.locator(".lesson-list .slot").first
    slot_id = first.get_attribute("data-slot")
    first.get_by_role("link", name=re.compile("^Boeken")).click()
    page.wait_for_url(f"**/boeken/tijdslot/{slot_id}/?group=6")
    expect(page.get_by_label("Groep")).to_have_value("6")
    page.get_by_text("Kennen wij je school nog niet?").click()  # the new school's details unfold
    page.get_by_label("Naam van de school").fill("OBS Het Anker")
    page.get_by_label("BRIN-code", exact=True).fill("99zz")
    page.get_by_label("Straat en huisnummer").fill("Havenstraat 3")
    page.get_by_label("Postcode").fill("3011ab")
    page.get_by_label("Plaats").fill("Rotterdam")
    page.get_by_label("Contactpersoon").fill("Meester Bas")
    page.get_by_label("E-mailadres").fill("bas@anker.nl")
    page.get_by_label("Aantal leerlingen").fill("24")
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
    page.get_by_role("button", name="Boeking versturen").click()

    page.get_by_role("heading", name="Bedankt voor je boeking").wait_for()
    booking = Booking.objects.get(school__brin_code="99ZZ")
    assert (booking.slot_id, booking.group, booking.pupils) == (int(slot_id), 6, 24)


def test_a_known_school_is_chosen_from_suggestions_while_typing(page, live_server, demo_site):
    from cms.bookings.models import Booking
    from cms.bookings.queries import open_slots

    slot = open_slots().filter(offering__target_groups__name__contains="7/8").first()
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(f"{live_server.url}/boeken/tijdslot/{slot.pk}/")

    school = page.get_by_role("combobox", name="Je school: BRIN-code of naam")
    school.press_sequentially("globe", delay=30)
    expect(page.get_by_role("listbox", name="Scholen").get_by_role("option")).to_have_text(
        ["OBS De Globetrotter (21XA), Rotterdam"]
    )
    expect(page.get_by_role("status").filter(has_text="1 school gevonden")).to_have_count(1)
    school.press("ArrowDown")
    school.press("Enter")  # chooses the school; does not send the form
    expect(school).to_have_value("OBS De Globetrotter")
    expect(page.locator("[data-chosen-school]")).to_have_text(
        "Gekozen school: OBS De Globetrotter (21XA), Rotterdam"
    )
    expect(page.get_by_label("Naam van de school")).to_be_hidden()
    assert violations(page) == []

    send_booking_for_a_class(page, contact="Juf Fatima", email="fatima@globetrotter.nl", pupils=26)

    assert Booking.objects.get(slot=slot, email="fatima@globetrotter.nl").school.brin_code == "21XA"


def test_a_vmbo_school_registers_a_challenge_team_choosing_its_school_from_suggestions(
    page, live_server, demo_site
):
    from cms.events.models import ChallengeTeam
    from cms.pages.models import ChallengePage

    challenge = ChallengePage.objects.live().get(slug="young-solar-challenge-2027")
    page.goto(f"{live_server.url}{challenge.relative_url(challenge.get_site())}")

    school = page.get_by_role("combobox", name="Je school: BRIN-code of naam")
    school.press_sequentially("maaswijk", delay=30)
    page.get_by_role("listbox", name="Scholen").get_by_role("option").first.click()
    expect(page.locator("[data-chosen-school]")).to_have_text(
        "Gekozen school: Maaswijk College (02QZ), Rotterdam"
    )
    page.get_by_label("Teamnaam").fill("De Zonnejagers")
    page.get_by_label("Aantal leerlingen").fill("4")
    page.get_by_label("Begeleidende docent").fill("Meester Bram")
    page.get_by_label("E-mailadres van de docent").fill("bram@maaswijk.nl")
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    page.get_by_role("button", name="Team aanmelden").click()

    expect(page.get_by_role("status")).to_contain_text("is aangemeld")
    team = ChallengeTeam.objects.get(team_name="De Zonnejagers")
    assert (team.challenge_id, team.school.brin_code) == (challenge.pk, "02QZ")


def test_booking_list_works_without_javascript_fits_320px_and_passes_axe(browser, live_server, demo_site):
    from cms.bookings.queries import open_slots
    from cms.pages.models import EventPage, LessonKitPage, NewsArticlePage, TechniekhuisPage

    context = browser.new_context(locale=BROWSER_LOCALE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/boeken/")
    page.get_by_label("Thema").select_option(label="Energizing")
    page.get_by_role("button", name="Toon lessen").click()
    page.wait_for_url("**/boeken/?*theme=energizing*")
    expect(page.locator(".chip")).to_contain_text("Energizing")
    page.go_back()
    page.wait_for_url("**/boeken/")
    context.close()

    context = browser.new_context(locale=BROWSER_LOCALE, viewport={"width": 320, "height": 640})
    page = context.new_page()

    def first(model):
        found = model.objects.live().public().order_by("path").first()
        return found.relative_url(found.get_site())

    event = EventPage.objects.live().order_by("path").first()
    slot = open_slots().first()
    public_pages = [
        "/",
        first(NewsArticlePage),
        first(TechniekhuisPage),
        first(LessonKitPage),
        "/databank/zoeken/?q=bouwen",
        "/boeken/",
        "/boeken/?group=3&theme=inclusie",  # the empty state
        f"/boeken/tijdslot/{slot.pk}/",
        event.relative_url(event.get_site()),
        f"/evenementen/{event.pk}/aanmelden/",
        "/lesmateriaal-delen/",
        "/nieuwsbrief/aanmelden/",
    ]
    wide = {}
    for path in public_pages:
        page.goto(f"{live_server.url}{path}")
        if (width := page.evaluate("document.documentElement.scrollWidth")) > 320:
            wide[path] = width
    assert not wide, wide

    problems = {}
    for path in ("/boeken/", "/boeken/?group=6&theme=bouwen", "/boeken/?group=3&theme=inclusie"):
        for width in (320, 1366):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(f"{live_server.url}{path}")
            if found := violations(page):
                problems[f"{path} @ {width}"] = found
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/boeken/tijdslot/{slot.pk}/")
    if found := violations(page):
        problems["form"] = found
    page.get_by_role("button", name="Boeking versturen").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    if found := violations(page):
        problems["form with errors"] = found
    context.close()
    assert not problems, problems
