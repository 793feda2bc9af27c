"""The databank search page and the site navigation as a teacher uses them, on a phone and a laptop."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from tests.factories import ensure_wagtail_base_rows

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}


@pytest.fixture
def demo_site(transactional_db):
    ensure_wagtail_base_rows()
    call_command("seed_demo", "--no-accounts", verbosity=0)


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA).response
    return [
        f"{v['id']}: {v['help']} - {[n['target'][0] for n in v['nodes'][:3]]}" for v in results["violations"]
    ]


def test_phone_filters_in_a_drawer_apply_at_once_and_chips_remove_them(page, live_server, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/databank/zoeken/")
    total = page.locator("#results-heading").inner_text()
    assert not page.locator("#filters").is_visible()

    page.get_by_role("button", name="Filters").click()
    assert page.get_by_role("dialog").is_visible()
    assert violations(page) == []

    page.locator("#facet-target_group").get_by_text("po groep 5/6").click()
    page.wait_for_url("**target_group=po-groep-5-6**")
    expect(page.locator("#results-heading")).not_to_have_text(total)
    assert page.get_by_role("dialog").is_visible()  # still open: the next filter is a tap away
    page.get_by_role("link", name="Toon").click()
    assert not page.locator("#filters").is_visible()

    chip = page.locator(".chip", has_text="po groep 5/6")
    assert chip.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    chip.click()
    page.wait_for_url(lambda url: "target_group" not in url)
    expect(page.locator(".chip")).to_have_count(0)
    expect(page.locator("#results-heading")).to_have_text(total)

    page.go_back()  # the URL keeps the state: back brings the filter back
    expect(page.locator(".chip")).to_have_count(1)


def test_suggestions_combobox_works_by_keyboard(page, live_server, demo_site):
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}/databank/zoeken/")
    box = page.get_by_role("combobox", name="Zoekwoorden")
    box.click()
    box.press_sequentially("brug", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    option = page.locator(f"#{active}")
    assert option.get_attribute("aria-selected") == "true"
    title = option.inner_text()
    assert violations(page) == []

    box.press("Enter")
    page.wait_for_url("**q=**")
    assert title in page.locator(".result__title").all_inner_texts()

    box.fill("")
    box.press_sequentially("brug", delay=30)
    listbox.wait_for()
    box.press("Escape")
    assert listbox.is_hidden() and box.get_attribute("aria-expanded") == "false"


def test_search_page_states_are_wcag_aa_clean_on_phone_and_laptop(page, live_server, demo_site):
    problems = {}
    for size in (PHONE, LAPTOP):
        page.set_viewport_size(size)
        for path in (
            "/databank/zoeken/?q=brug&theme=constructies",
            "/databank/zoeken/?q=zonnepaneelxyz",
            "/",
        ):
            page.goto(f"{live_server.url}{path}")
            if found := violations(page):
                problems[f"{size['width']} {path}"] = found
    assert problems == {}


def test_empty_state_helps_instead_of_a_numbered_nothing(page, live_server, demo_site):
    page.goto(f"{live_server.url}/databank/zoeken/?q=xylofoonzzz")
    assert "Geen resultaten voor “xylofoonzzz”" in page.locator(".empty-state").inner_text()
    page.goto(f"{live_server.url}/databank/zoeken/?q=bruggne")  # a typo: the correction's results
    assert "er is niets gevonden voor “bruggne”" in page.locator(".spelling-notice").inner_text()
    assert page.locator(".result").count() >= 1


def test_menu_button_discloses_the_navigation_on_a_phone(page, live_server, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    assert not nav.is_visible()
    button = page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert nav.get_by_role("link", name="Boek een les").is_visible()
    assert violations(page) == []
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"

    page.set_viewport_size(LAPTOP)
    assert page.get_by_role("link", name="Boek een les").is_visible()
    assert not button.is_visible()


def test_home_page_calls_to_booking(page, live_server, demo_site):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Boek een techniekles").first.click()
    page.wait_for_url("**/boeken/")


@pytest.mark.parametrize("path", ["/", "/databank/zoeken/", "/databank/zoeken/?q=brug&theme=constructies"])
def test_no_sideways_scrolling_at_320_px(page, live_server, demo_site, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
