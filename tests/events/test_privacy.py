"""AVG: registrations of events and challenges long past lose names and addresses, and still count."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.events.models import ChallengeTeam, EventRegistration
from tests.factories import ChallengePageFactory, EventPageFactory

from .factories import ChallengeTeamFactory, EventRegistrationFactory

pytestmark = pytest.mark.django_db


def test_old_registrations_and_teams_are_anonymised_once_and_recent_ones_kept(region_site, settings):
    settings.EVENTS_ANONYMISE_AFTER_DAYS = 365
    now = timezone.now()
    old_event = EventPageFactory(parent=region_site.events, start=now - dt.timedelta(days=400))
    new_event = EventPageFactory(parent=region_site.events, start=now - dt.timedelta(days=30))
    old_a, old_b = EventRegistrationFactory(event=old_event), EventRegistrationFactory(event=old_event)
    recent = EventRegistrationFactory(event=new_event, name="Juf Anna", email="anna@school.nl")
    old_challenge = ChallengePageFactory(
        parent=region_site.challenges, registration_deadline=now - dt.timedelta(days=500)
    )
    team = ChallengeTeamFactory(challenge=old_challenge, teacher_name="Meester Bram")

    out = StringIO()
    call_command("anonymise_participants", stdout=out)
    again = StringIO()
    call_command("anonymise_participants", stdout=again)

    assert "3 registration(s) anonymised" in out.getvalue()
    assert "0 registration(s) anonymised" in again.getvalue()
    for registration in (old_a, old_b):
        registration.refresh_from_db()
        assert (registration.name, registration.organisation) == ("", "")
        assert registration.email == f"deelnemer-{registration.pk}@anoniem.invalid"
    recent.refresh_from_db()
    assert (recent.name, recent.email) == ("Juf Anna", "anna@school.nl")
    team.refresh_from_db()
    assert (team.teacher_name, team.teacher_email) == ("", f"deelnemer-{team.pk}@anoniem.invalid")
    assert EventRegistration.objects.filter(event=old_event).count() == 2
    assert ChallengeTeam.objects.filter(challenge=old_challenge).count() == 1
