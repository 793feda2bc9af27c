"""Event listing filters (audience, theme, region) and the challenge timeline with the current phase."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.pages.models import EventPage
from tests.factories import ChallengePageFactory, EventPageFactory, RegionSite, ThemeFactory

pytestmark = pytest.mark.django_db


def titles(response, key="upcoming_events"):
    return sorted(e.title for e in response.context[key])


def test_event_listing_filters_by_audience_and_theme(client, region_site):
    energy = ThemeFactory(name="Energie")
    for_teachers = EventPageFactory(parent=region_site.events, title="Masterclass", audience="teachers")
    for_companies = EventPageFactory(parent=region_site.events, title="Netwerk", audience="company_staff")
    for_companies.themes.set([energy])
    for_companies.save_revision().publish()
    past_start = timezone.now() - dt.timedelta(days=2)
    EventPageFactory(
        parent=region_site.events,
        title="Oud",
        audience="teachers",
        start=past_start,
        end=past_start + dt.timedelta(hours=1),
    )
    url = region_site.events.url

    assert titles(client.get(url)) == ["Masterclass", "Netwerk"]
    assert titles(client.get(url, {"audience": "teachers"})) == [for_teachers.title]
    assert titles(client.get(url, {"audience": "teachers"}), "past_events") == ["Oud"]
    assert titles(client.get(url, {"theme": "energie"})) == ["Netwerk"]
    assert titles(client.get(url, {"audience": "onzin"})) == ["Masterclass", "Netwerk"]
    assert 'name="audience"' in client.get(url).content.decode()


def test_event_listing_can_show_another_regions_events(client, region_site):
    other = RegionSite(hostname="andere.example", is_default=False)
    EventPageFactory(parent=region_site.events, title="Hier")
    EventPageFactory(parent=other.events, title="Daar")

    assert titles(client.get(region_site.events.url)) == ["Hier"]
    assert titles(client.get(region_site.events.url, {"region": other.region.slug})) == ["Daar"]
    assert EventPage.objects.count() == 2


def test_challenge_timeline_marks_past_current_and_upcoming_phases(client, region_site):
    today = timezone.localdate()
    phases = [
        (
            "phase",
            {
                "name": "Aanmelden",
                "start_date": today - dt.timedelta(days=30),
                "end_date": today - dt.timedelta(days=1),
            },
        ),
        ("phase", {"name": "Bouwen", "start_date": today - dt.timedelta(days=1), "end_date": None}),
        (
            "phase",
            {
                "name": "Finale",
                "start_date": today + dt.timedelta(days=20),
                "end_date": today + dt.timedelta(days=20),
            },
        ),
    ]
    challenge = ChallengePageFactory(parent=region_site.challenges, phases=phases)

    response = client.get(challenge.url)

    assert [(i["phase"]["name"], i["state"]) for i in response.context["timeline"]] == [
        ("Aanmelden", "past"),
        ("Bouwen", "current"),  # no end date: runs until the next phase starts
        ("Finale", "upcoming"),
    ]
    html = response.content.decode()
    assert 'aria-current="step"' in html
    assert "Huidige fase" in html
