"""Accessibility of every public page kind, checked by axe-core in Chromium on the demo content.

axe-core (bundled with axe-playwright-python, injected into the page; nothing is downloaded) checks
the WCAG 2.x A and AA rules it can decide automatically: labels, alt texts, heading order,
landmarks, contrast, language, link names. Manual checks (keyboard flow, screen reader wording)
remain a review task.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.factories import RegionSite, ensure_wagtail_base_rows

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def demo_site(transactional_db):
    ensure_wagtail_base_rows()  # an earlier browser test may have flushed them
    call_command("seed_demo", "--no-accounts", verbosity=0)


def public_paths() -> list[str]:
    """One page of every page type, plus the forms and listings people use."""
    from cms.bookings.queries import open_slots
    from cms.pages.models import (
        ChallengePage,
        DatabankPage,
        EventPage,
        HomePage,
        LessonKitPage,
        NewsArticlePage,
        NewsIndexPage,
        StandardPage,
        TechniekhuisIndexPage,
        TechniekhuisPage,
    )

    def first(model):
        return model.objects.live().public().order_by("path").first()

    home = first(HomePage)
    paths = [
        page.relative_url(home.get_site())
        for page in (
            home,
            first(NewsIndexPage),
            first(NewsArticlePage),
            first(TechniekhuisIndexPage),
            first(TechniekhuisPage),
            first(DatabankPage),
            first(LessonKitPage),
            first(ChallengePage),
            first(EventPage),
            first(StandardPage),
        )
        if page is not None
    ]
    slot = open_slots().first()
    event = first(EventPage)
    challenge = first(ChallengePage)
    paths += [
        "/databank/zoeken/?q=bouwen",
        "/boeken/",
        f"/boeken/tijdslot/{slot.pk}/",
        f"/evenementen/{event.pk}/aanmelden/",
        f"/evenementen/challenge/{challenge.pk}/team-aanmelden/",
        "/nieuwsbrief/aanmelden/",
        "/lesmateriaal-delen/",
        "/menukaart/",
        "/bestaat-niet/",
    ]
    return paths


def test_public_pages_have_no_wcag_a_or_aa_violations(page, live_server, demo_site):
    """Also: nothing on them breaks the Content-Security-Policy (Chromium logs every refusal)."""
    axe = Axe()
    problems = {}
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    paths = public_paths()
    assert len(paths) >= 18
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        results = axe.run(page, options=WCAG_AA).response
        found = [
            f"{v['id']} ({v['impact']}): {v['help']} - {', '.join(n['target'][0] for n in v['nodes'][:3])}"
            for v in results["violations"]
        ]
        if found:
            problems[path] = found
    assert not refused, "\n".join(refused)
    assert not problems, "\n".join(f"{path}\n  " + "\n  ".join(found) for path, found in problems.items())


def test_editors_keep_wagtails_userbar_on_public_pages_under_the_policy(page, live_server, transactional_db):
    from django.contrib.auth import get_user_model
    from wagtail.models import Page, Site

    ensure_wagtail_base_rows()
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    RegionSite()
    get_user_model().objects.create_superuser("beheerder", "beheer@example.org", "geheim-wachtwoord")
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "beheerder")
    page.fill("#id_password", "geheim-wachtwoord")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.wait_for_timeout(500)  # let the userbar's scripts run

    assert page.evaluate("!!document.querySelector('wagtail-userbar').shadowRoot")
    assert not refused, refused


def test_the_interactive_api_docs_render_under_the_policy_without_the_internet(
    page, live_server, transactional_db
):
    from urllib.parse import urlparse

    refused, hosts = [], set()
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))

    page.goto(f"{live_server.url}/api/v3/docs/")
    page.locator(".swagger-ui .opblock").first.wait_for()

    assert page.locator(".swagger-ui .opblock").count() > 20
    assert hosts == {urlparse(live_server.url).netloc}
    assert not refused, refused
