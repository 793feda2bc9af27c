"""AVG: registrations of events and challenges long past lose names and addresses, and still count."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
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
    assert old_a.anonymised_at is not None and team.anonymised_at is not None
    assert recent.anonymised_at is None
    assert EventRegistration.objects.filter(event=old_event).count() == 2
    assert ChallengeTeam.objects.filter(challenge=old_challenge).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_migration_stamps_rows_anonymised_with_the_old_address_marker(region_site):
    """Before ``anonymised_at``, an anonymised row was known by its @anoniem.invalid address."""
    now = timezone.now()
    event = EventPageFactory(parent=region_site.events, start=now - dt.timedelta(days=800))
    challenge = ChallengePageFactory(
        parent=region_site.challenges, registration_deadline=now - dt.timedelta(days=800)
    )
    executor = MigrationExecutor(connection)
    executor.migrate([("events", "0001_initial")])
    old_apps = executor.loader.project_state([("events", "0001_initial")]).apps
    Registration = old_apps.get_model("events", "EventRegistration")
    Team = old_apps.get_model("events", "ChallengeTeam")
    gone = Registration.objects.create(event_id=event.pk, name="", email="deelnemer-1@anoniem.invalid")
    kept = Registration.objects.create(event_id=event.pk, name="Juf Anna", email="anna@school.nl")
    team = Team.objects.create(
        challenge_id=challenge.pk,
        school=old_apps.get_model("snippets", "School").objects.create(
            name="De Brug", brin_code="23CD", school_type="vmbo", postcode="3011 AB", city="Rotterdam"
        ),
        team_name="Zon",
        pupils=4,
        teacher_name="",
        teacher_email="deelnemer-2@anoniem.invalid",
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert EventRegistration.objects.get(pk=gone.pk).anonymised_at is not None
    assert EventRegistration.objects.get(pk=kept.pk).anonymised_at is None
    assert ChallengeTeam.objects.get(pk=team.pk).anonymised_at is not None
