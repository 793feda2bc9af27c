"""A browser set to English (as many Dutch teachers' laptops are) gets the Dutch site and admin.

The demo regions publish in Dutch, so every public page kind keeps a Dutch interface and declares
``lang="nl"``; the admin is Dutch for an account that chose no language.
"""

import pytest

from .test_accessibility import demo_site, public_paths  # noqa: F401  (fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def english_page(browser):
    context = browser.new_context(locale="en-US", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_every_public_page_kind_is_dutch_in_an_english_browser(english_page, live_server, demo_site):  # noqa: F811
    assert english_page.evaluate("navigator.language") == "en-US"
    wrong = []
    for path in public_paths():
        english_page.goto(f"{live_server.url}{path}")
        lang = english_page.locator("html").get_attribute("lang")
        skip_link = english_page.locator(".skip-link").inner_text()
        if lang != "nl" or skip_link != "Direct naar de inhoud":
            wrong.append(f"{path}: lang={lang!r}, skip link {skip_link!r}")
    assert not wrong, "\n".join(wrong)


def test_the_admin_login_is_dutch_in_an_english_browser(english_page, live_server, transactional_db):
    english_page.goto(f"{live_server.url}/admin/login/")
    assert english_page.locator("html").get_attribute("lang") == "nl"
    assert english_page.locator("form button[type=submit]").first.inner_text().strip() == "Inloggen"
