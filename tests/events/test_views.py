"""Public pages: the registration section on the event page, the forms and the team section."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from cms.events.models import ChallengeTeam, EventRegistration
from tests.factories import ChallengePageFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def test_event_page_shows_registration_form_and_calendar_link(client, event):
    html = client.get(event.url).content.decode()

    assert reverse("events:register", args=[event.pk]) in html
    assert reverse("events:event_calendar", args=[event.pk]) in html
    assert "nog 2 plaatsen vrij" in html


@pytest.mark.parametrize("kind", ["event", "challenge"])
def test_the_forms_on_event_and_challenge_pages_have_the_house_form_style(client, region_site, event, kind):
    page = event if kind == "event" else ChallengePageFactory(parent=region_site.challenges)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert "form" in soup.select_one("form[method=post]")["class"]  # full-width fields, not browser defaults


def test_registration_form_registers_and_shows_dutch_errors(client, event):
    url = reverse("events:register", args=[event.pk])
    form = client.get(url).context["form"]
    data = {
        "idempotency_key": form.initial["idempotency_key"],
        "name": "Anna",
        "email": "anna@school.nl",
        "role": "teacher",
        "privacy_consent": "on",
    }

    bad = client.post(url, {**data, "email": "fout", "privacy_consent": ""})
    ok = client.post(url, data)

    assert bad.status_code == 400
    assert "privacyverklaring" in bad.content.decode()
    assert ok.status_code == 200
    assert EventRegistration.objects.get().email == "anna@school.nl"


def test_challenge_page_offers_team_form_until_the_deadline(client, region_site):
    open_challenge = ChallengePageFactory(parent=region_site.challenges)
    closed = ChallengePageFactory(
        parent=region_site.challenges, registration_deadline=timezone.now() - dt.timedelta(days=1)
    )

    assert (
        reverse("events:register_team", args=[open_challenge.pk])
        in client.get(open_challenge.url).content.decode()
    )
    closed_html = client.get(closed.url).content.decode()
    assert reverse("events:register_team", args=[closed.pk]) not in closed_html
    assert "gesloten" in closed_html


def test_team_form_after_the_deadline_shows_dutch_error(client, challenge):
    url = reverse("events:register_team", args=[challenge.pk])
    key = client.get(url).context["form"].initial["idempotency_key"]
    challenge.registration_deadline = timezone.now() - dt.timedelta(minutes=1)
    challenge.save_revision().publish()

    response = client.post(
        url,
        {
            "idempotency_key": key,
            "school_name": "Vmbo De Brug",
            "school_brin": "23CD",
            "school_type": "vmbo",
            "school_postcode": "3011 AB",
            "school_city": "Rotterdam",
            "team_name": "De Zonnejagers",
            "pupils": 5,
            "teacher_name": "Meester Bram",
            "teacher_email": "bram@debrug.nl",
            "privacy_consent": "on",
        },
    )

    assert response.status_code == 400
    assert "Aanmelden van teams is gesloten" in response.content.decode()
    assert not ChallengeTeam.objects.exists()


def test_the_admin_cannot_add_or_delete_registrations_behind_the_counter(admin_client, region_site):
    from cms.events.models import EventRegistration
    from tests.events.factories import EventRegistrationFactory
    from tests.factories import EventPageFactory

    registration = EventRegistrationFactory(event=EventPageFactory(parent=region_site.events))
    listing = admin_client.get("/admin/snippets/events/eventregistration/")

    assert listing.status_code == 200
    assert registration.name in listing.content.decode()
    assert admin_client.get("/admin/snippets/events/eventregistration/add/").status_code in (302, 403)
    response = admin_client.post(f"/admin/snippets/events/eventregistration/delete/{registration.pk}/")
    assert response.status_code in (302, 403)
    assert EventRegistration.objects.filter(pk=registration.pk).exists()


def test_the_team_form_finds_a_typed_school_and_never_lists_every_school(client, challenge):
    SchoolFactory.create_batch(30)
    brug = SchoolFactory(name="Vmbo De Brug", brin_code="23CD")
    url = reverse("events:register_team", args=[challenge.pk])
    key = client.get(url).context["form"].initial["idempotency_key"]
    page = client.get(challenge.url).content.decode()

    response = client.post(
        url,
        {
            "idempotency_key": key,
            "school_lookup": "vmbo de brug",
            "team_name": "De Zonnejagers",
            "pupils": "5",
            "teacher_name": "Meester Bram",
            "teacher_email": "bram@debrug.nl",
            "privacy_consent": "on",
        },
    )

    assert "Basisschool De Klimop" not in page  # the 30 other schools: a look-up, not a list
    assert response.status_code == 200, response.content
    assert ChallengeTeam.objects.get().school == brug
