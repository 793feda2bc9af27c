"""The public evaluation form: opened by the signed link, Dutch, house form style, answerable once."""

import pytest

from cms.evaluations import services
from cms.evaluations.models import Invitation, OptOut, Question, Response
from cms.outbox.models import OutgoingMail

from .conftest import past_booking
from .test_services import token_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(techniekhuis):
    past_booking(techniekhuis, contact_name="Juf Anna", email="anna@school.nl")
    services.send_invitations()
    return token_of(OutgoingMail.objects.get())


def filled(invitation, **extra):
    data = {}
    for question in services.questions_of(invitation):
        if question.kind == Question.Kind.RATING:
            data[f"q{question.pk}"] = "5"
        elif question.kind == Question.Kind.CHOICE:
            data[f"q{question.pk}"] = question.choice_list[0]
    return {**data, **extra}


def test_link_opens_the_dutch_form_with_the_questions_of_the_lesson(client, token):
    response = client.get(f"/evaluatie/{token}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bouw een windmolen" in html
    assert "Hoe beoordeelt u de les als geheel?" in html
    assert "5 – zeer goed" in html
    assert "Antwoorden versturen" in html
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_missing_required_answers_show_the_error_summary_and_store_nothing(client, token):
    response = client.post(f"/evaluatie/{token}/", {})

    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and "Beantwoord deze vraag: Hoe beoordeelt u de les als geheel?" in html
    assert not Response.objects.exists()
    assert Invitation.objects.get().answered_on is None


def test_answering_thanks_and_a_second_visit_says_it_was_filled_in(client, token):
    invitation = Invitation.objects.get()

    answered = client.post(f"/evaluatie/{token}/", filled(invitation, share_identity="on"))
    again = client.get(f"/evaluatie/{token}/")
    posted_again = client.post(f"/evaluatie/{token}/", filled(invitation))

    assert (
        answered.status_code == 200
        and "Dank u wel! Uw antwoorden zijn opgeslagen." in answered.content.decode()
    )
    assert "Deze evaluatie is al ingevuld." in again.content.decode()
    assert "<form" not in again.content.decode().split("<main", 1)[-1]
    assert "Deze evaluatie is al ingevuld." in posted_again.content.decode()
    response = Response.objects.get()
    assert (response.respondent_name, response.respondent_email) == ("Juf Anna", "anna@school.nl")


def test_an_invalid_choice_is_refused(client, token):
    invitation = Invitation.objects.get()
    choice = next(q for q in services.questions_of(invitation) if q.kind == Question.Kind.CHOICE)

    response = client.post(f"/evaluatie/{token}/", filled(invitation, **{f"q{choice.pk}": "Iets anders"}))

    assert response.status_code == 400
    assert not Response.objects.exists()


def test_a_damaged_link_says_so_in_dutch(client, token):
    response = client.get(f"/evaluatie/{token[:-3]}abc/")

    assert response.status_code == 400
    assert "Deze evaluatielink is niet geldig." in response.content.decode()


def test_opt_out_asks_first_and_records_on_post(client, token):
    asked = client.get(f"/evaluatie/{token}/afmelden/")
    assert asked.status_code == 200 and not OptOut.objects.exists()

    done = client.post(f"/evaluatie/{token}/afmelden/")

    assert "U ontvangt geen evaluatieverzoeken meer." in done.content.decode()
    assert OptOut.objects.count() == 1
