"""A teacher opens the evaluation link from the mail on a small phone and answers (once)."""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SCREENS = Path(os.environ.get("SCREENSHOT_DIR", "var/screens"))


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA).response
    return [f"{v['id']}: {v['help']}" for v in results["violations"]]


@pytest.fixture
def evaluation_link(transactional_db):
    from wagtail.models import Page, Site

    from cms.evaluations import services
    from cms.evaluations.defaults import load_default_question_sets
    from cms.evaluations.models import Question, QuestionSet
    from cms.outbox.models import OutgoingMail
    from tests.evaluations.conftest import past_booking
    from tests.factories import RegionSite, TechniekhuisPageFactory

    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    region = RegionSite()
    load_default_question_sets(QuestionSet, Question)
    past_booking(TechniekhuisPageFactory(parent=region.techniekhuizen), contact_name="Juf Anna")
    services.send_invitations()
    body = OutgoingMail.objects.get().body_text
    return re.search(r"https?://\S+/evaluatie/[^/\s]+/", body).group(0)


def test_participant_answers_the_evaluation_on_a_phone(page, live_server, evaluation_link):
    from cms.evaluations.models import Response

    path = evaluation_link.split("/evaluatie/", 1)[1]
    url = f"{live_server.url}/evaluatie/{path}"
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bouw een windmolen")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=SCREENS / "evaluation-form-1366.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 640})
    assert violations(page) == []

    # Sending without answers: the summary at the top, focused, linking to the first question.
    page.get_by_role("button", name="Antwoorden versturen").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    for question in ("Hoe beoordeelt u de les als geheel?", "Hoe betrokken waren de leerlingen?"):
        page.get_by_role("group", name=question).get_by_label("5 – zeer goed").check()
    page.get_by_role("group", name="Hoe verliepen de organisatie en het boeken?").get_by_label(
        "4 – goed"
    ).check()
    page.get_by_role("group", name="Sloot de les aan bij het niveau van uw groep?").get_by_label(
        "Goed"
    ).check()
    page.get_by_role("group", name="Zou u deze les een collega aanraden?").get_by_label("Ja").check()
    page.get_by_label("Wat kan er beter, of wat wilt u ons nog meegeven?").fill("Meer tijd om te bouwen.")
    page.screenshot(path=SCREENS / "evaluation-form-320.png", full_page=True)
    page.get_by_role("button", name="Antwoorden versturen").click()

    expect(page.get_by_role("status")).to_contain_text("Dank u wel! Uw antwoorden zijn opgeslagen.")
    response = Response.objects.get()
    assert response.respondent_email == ""  # anonymous: the box was not ticked
    assert sorted(response.answers.exclude(rating=None).values_list("rating", flat=True)) == [4, 5, 5]

    page.goto(url)
    expect(page.get_by_role("status")).to_contain_text("Deze evaluatie is al ingevuld.")
    assert page.locator("main form").count() == 0
