"""Event registration and team rules: capacity, waiting list, cancel link, deadlines, mails over SMTP."""

import datetime as dt
import re
import threading

import icalendar
import pytest
from django.db import connection
from django.utils import timezone, translation

from cms.events import services, tokens
from cms.events.models import ChallengeTeam, EventCapacity, EventRegistration
from cms.outbox.models import OutgoingMail
from cms.snippets.models import School
from cms.snippets.services import NewSchool
from tests.factories import ChallengePageFactory, EventPageFactory, RegionSite, SchoolFactory

from .conftest import make_registration, make_team

pytestmark = pytest.mark.django_db

R = EventRegistration.Status


def register(event, **kwargs):
    return services.register_for_event(make_registration(event, **kwargs))


def test_registration_within_capacity_is_confirmed_and_counted(event):
    result = register(event)

    assert result.created
    assert result.registration.status == R.CONFIRMED
    assert EventCapacity.objects.get(page=event).registered == 1


def test_full_event_refuses_registration_and_saves_nothing(event):
    register(event)
    register(event)

    with pytest.raises(services.EventFull) as error:
        register(event)

    assert error.value.status == 409
    assert EventRegistration.objects.count() == 2
    assert EventCapacity.objects.get(page=event).registered == 2


def test_full_event_puts_registration_on_the_waiting_list(event):
    register(event)
    register(event)

    result = register(event, waitlist=True)

    assert result.registration.status == R.WAITLISTED
    assert EventCapacity.objects.get(page=event).registered == 2


def test_event_without_capacity_takes_everyone(region_site):
    event = EventPageFactory(parent=region_site.events, capacity=None)

    statuses = {register(event).registration.status for _ in range(5)}

    assert statuses == {R.CONFIRMED}


def test_same_idempotency_key_makes_one_registration(event):
    request = make_registration(event)

    first = services.register_for_event(request)
    second = services.register_for_event(request)

    assert first.created and not second.created
    assert first.registration.pk == second.registration.pk
    assert EventCapacity.objects.get(page=event).registered == 1


def test_same_email_cannot_register_twice_for_one_event(event):
    register(event, email="anna@school.nl")

    with translation.override("nl"), pytest.raises(services.AlreadyRegistered) as error:
        register(event, email="Anna@School.nl")

    assert error.value.field == "email"
    assert "al aangemeld" in str(error.value.message)


def test_started_event_refuses_registration(region_site):
    start = timezone.now() - dt.timedelta(minutes=5)
    event = EventPageFactory(parent=region_site.events, start=start, end=start + dt.timedelta(hours=2))

    with pytest.raises(services.RegistrationClosed):
        register(event)


def test_cancel_frees_the_place_and_promotes_the_oldest_waiting_registration(event):
    first = register(event).registration
    register(event)
    oldest_waiting = register(event, waitlist=True).registration
    newer_waiting = register(event, waitlist=True).registration

    result = services.cancel_registration(first.pk)

    assert [r.pk for r in result.promoted] == [oldest_waiting.pk]
    oldest_waiting.refresh_from_db()
    newer_waiting.refresh_from_db()
    assert oldest_waiting.status == R.CONFIRMED
    assert newer_waiting.status == R.WAITLISTED
    assert EventCapacity.objects.get(page=event).registered == 2


def test_cancelling_a_waiting_registration_frees_no_place(event):
    register(event)
    register(event)
    waiting = register(event, waitlist=True).registration

    services.cancel_registration(waiting.pk)

    assert EventCapacity.objects.get(page=event).registered == 2


def test_raising_the_capacity_on_publish_promotes_the_waiting_list(event):
    register(event)
    register(event)
    waiting = register(event, waitlist=True).registration

    event.capacity = 3
    event.save_revision().publish()

    waiting.refresh_from_db()
    assert waiting.status == R.CONFIRMED
    assert EventCapacity.objects.get(page=event).capacity == 3


def test_cancel_link_works_once(event):
    registration = register(event).registration
    token = tokens.make_cancel_token(registration)

    services.cancel_with_token(token)

    with pytest.raises(services.InvalidToken) as error:
        services.cancel_with_token(token)
    assert error.value.code == "used_token"


def test_tampered_cancel_link_is_refused(event):
    registration = register(event).registration
    token = tokens.make_cancel_token(registration)

    with pytest.raises(services.InvalidToken):
        services.cancel_with_token(token[:-2] + "xx")


def test_confirmation_mail_over_smtp_has_ics_and_a_working_cancel_link(
    event, smtp_server, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, email="anna@school.nl").registration

    assert smtp_server.recipients() == ["anna@school.nl"]
    message = smtp_server.messages[0][1]
    assert event.title in message["Subject"]
    attachment = next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    vevent = calendar.walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == event.start.replace(microsecond=0)
    assert str(vevent["dtstart"].params["TZID"]) == "Europe/Amsterdam"
    body = message.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/evenementen/annuleren/\S+/", body)[0]

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 200
    assert client.post(link).status_code == 400, "the link works once"

    registration.refresh_from_db()
    assert registration.status == R.CANCELLED
    assert len(smtp_server.messages) == 2
    cancelled = smtp_server.messages[1][1]
    assert "geannuleerd" in cancelled["Subject"].lower()


def test_waiting_list_mail_then_promotion_mail_with_ics(
    event, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event).registration
        register(event)
        register(event, email="wacht@school.nl", waitlist=True)
    assert "wachtlijst" in smtp_server.messages[-1][1]["Subject"].lower()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(first.pk)

    promoted = [m for rcpts, m in smtp_server.messages if rcpts == ["wacht@school.nl"]]
    assert len(promoted) == 2
    assert any(p.get_content_type() == "text/calendar" for p in promoted[1].iter_attachments())
    assert "wachtlijst" in promoted[1].get_body(("plain",)).get_content()


# --- challenge teams -----------------------------------------------------------------------


def test_team_registration_before_the_deadline_creates_school_and_team(challenge):
    result = services.register_team(make_team(challenge))

    assert result.created
    team = result.team
    assert team.status == ChallengeTeam.Status.REGISTERED
    assert team.school.brin_code == "23CD"
    assert team.school.school_type == School.SchoolType.VMBO


def test_team_registration_after_the_deadline_is_refused_in_dutch(challenge):
    challenge.registration_deadline = timezone.now() - dt.timedelta(minutes=1)
    challenge.save()

    with translation.override("nl"), pytest.raises(services.RegistrationClosed) as error:
        services.register_team(make_team(challenge))

    assert error.value.code == "deadline_passed"
    assert "deadline" in str(error.value.message)
    assert "Aanmelden" in str(error.value.message)
    assert not ChallengeTeam.objects.exists()


def test_team_name_is_unique_per_challenge_ignoring_case(challenge, region_site):
    services.register_team(make_team(challenge, team_name="De Zonnejagers"))

    with pytest.raises(services.RegistrationError) as error:
        services.register_team(make_team(challenge, team_name="de  zonnejagers"))

    assert error.value.field == "team_name"
    other = (
        type(challenge).objects.get(pk=challenge.pk).copy(update_attrs={"slug": "andere", "title": "Andere"})
    )
    assert services.register_team(make_team(other, team_name="De Zonnejagers")).created


def test_team_with_an_invalid_new_school_is_refused(challenge):
    bad = NewSchool(name="X", brin_code="ABCD", postcode="3011 AB", city="Rotterdam")

    with pytest.raises(services.RegistrationError) as error:
        services.register_team(make_team(challenge, school=bad))

    assert error.value.field == "school_brin"


def test_known_school_is_reused_by_brin(challenge):
    school = SchoolFactory(brin_code="23CD")

    team = services.register_team(make_team(challenge)).team

    assert team.school == school


def test_team_confirmation_mail_goes_to_the_teacher(
    challenge, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.register_team(make_team(challenge, teacher_email="bram@debrug.nl"))

    assert smtp_server.recipients() == ["bram@debrug.nl"]
    assert "De Zonnejagers" in smtp_server.messages[0][1]["Subject"]


def test_registration_mails_speak_the_events_language_not_the_callers(event):
    english = RegionSite(hostname="en.example.org", is_default=False, language="en")
    english_event = EventPageFactory(parent=english.events, title="Teacher network")
    with translation.override("en"):
        register(event, email="anna@school.example")
    register(english_event, email="teacher@school.example")

    assert OutgoingMail.objects.get(to=["anna@school.example"]).subject.startswith("Aanmelding bevestigd: ")
    assert OutgoingMail.objects.get(to=["teacher@school.example"]).subject == (
        "Registration confirmed: Teacher network"
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_teams_of_one_new_school_register_the_school_once(region_site):
    challenge = ChallengePageFactory(parent=region_site.challenges)
    barrier = threading.Barrier(5)
    outcomes: list = [None] * 5

    def attempt(index: int) -> None:
        try:
            barrier.wait()
            outcomes[index] = services.register_team(make_team(challenge, team_name=f"Team {index}"))
        except Exception as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert [o for o in outcomes if not isinstance(o, services.TeamResult)] == []
    assert School.objects.filter(brin_code="23CD").count() == 1
