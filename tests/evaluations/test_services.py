"""Evaluation rules: due selection, one invitation per participation, one reminder, answering once, anonymity."""

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from cms.bookings.models import Booking
from cms.bookings.privacy import anonymise_bookings
from cms.evaluations import services
from cms.evaluations.defaults import load_default_question_sets
from cms.evaluations.models import Answer, Invitation, OptOut, Question, QuestionSet, Response
from cms.evaluations.suppressions import email_hash
from cms.events.models import EventRegistration
from cms.events.privacy import anonymise_participants
from cms.newsletters.models import Subscriber
from cms.outbox.models import OutgoingMail
from cms.pages.models import EventPage

from .conftest import past_booking, past_registration

pytestmark = pytest.mark.django_db


def due():
    return services.due_participations()


def token_of(mail: OutgoingMail) -> str:
    return re.search(r"/evaluatie/([^/\s]+)/", mail.body_text).group(1)


def answers_for(invitation, rating="4"):
    return [
        services.AnswerValue(q, rating=int(rating))
        if q.kind == Question.Kind.RATING
        else services.AnswerValue(q, choice=q.choice_list[0])
        if q.kind == Question.Kind.CHOICE
        else services.AnswerValue(q, text="Meer tijd voor het bouwen.")
        for q in services.questions_of(invitation)
    ]


# --- the default question sets ---


def test_default_dutch_question_sets_are_there_for_lessons_masterclasses_and_leernetwerk():
    kinds = dict(QuestionSet.objects.filter(active=True).values_list("kind", "name"))
    assert kinds["lesson"] == "Evaluatie techniekles (basisschool)"
    assert "event:masterclass" in kinds and "event:learning_network" in kinds
    kinds_of_questions = set(Question.objects.values_list("kind", flat=True))
    assert kinds_of_questions == {"rating", "choice", "text"}


def test_loading_the_defaults_again_changes_nothing_and_keeps_edits():
    lesson = QuestionSet.objects.get(default_key="primary-class-lesson")
    lesson.name = "Onze eigen vragen"
    lesson.save()

    assert load_default_question_sets(QuestionSet, Question) == 0
    assert QuestionSet.objects.get(pk=lesson.pk).name == "Onze eigen vragen"
    assert QuestionSet.objects.count() == 3


# --- due selection ---


def test_booking_is_due_after_the_lesson_date_when_confirmed_or_completed(techniekhuis):
    confirmed = past_booking(techniekhuis)
    completed = past_booking(techniekhuis, status=Booking.Status.COMPLETED)

    assert set(due()) == {("booking", confirmed.pk), ("booking", completed.pk)}


@pytest.mark.parametrize(
    "status", [Booking.Status.CANCELLED, Booking.Status.REQUESTED, Booking.Status.WAITLISTED]
)
def test_booking_that_was_not_given_is_never_due(techniekhuis, status):
    past_booking(techniekhuis, status=status)

    assert due() == []


def test_lesson_today_or_later_is_not_due_yet(techniekhuis):
    past_booking(techniekhuis, days_ago=0)
    past_booking(techniekhuis, days_ago=-3)

    assert due() == []


def test_participations_older_than_the_look_back_are_never_invited(techniekhuis, region_site, settings):
    settings.EVALUATIONS_LOOKBACK_DAYS = 14
    past_booking(techniekhuis, days_ago=15)
    past_registration(region_site, days_ago=15)

    assert due() == []


def test_registration_is_due_once_the_event_has_ended(region_site):
    registration = past_registration(region_site)
    past_registration(region_site, days_ago=0)  # starts now, ends in two hours
    past_registration(region_site, status=EventRegistration.Status.CANCELLED)
    past_registration(region_site, status=EventRegistration.Status.WAITLISTED)

    assert due() == [("event_registration", registration.pk)]


# --- one invitation per participation ---


def test_each_participation_gets_one_invitation_however_often_the_job_runs(techniekhuis, region_site):
    booking = past_booking(techniekhuis, email="juf@school.nl")
    registration = past_registration(region_site, email="docent@vmbo.nl")

    first = services.send_invitations()
    second = services.send_invitations()

    assert (first.done, second.done) == (2, 0)
    assert Invitation.objects.count() == 2
    assert sorted(m.to[0] for m in OutgoingMail.objects.all()) == ["docent@vmbo.nl", "juf@school.nl"]
    lesson = Invitation.objects.get(source="booking")
    assert (lesson.participation_id, lesson.kind, lesson.subject_title) == (
        booking.pk,
        "lesson",
        "Bouw een windmolen",
    )
    assert lesson.region == region_site.region
    event = Invitation.objects.get(source="event_registration")
    assert (event.participation_id, event.question_set.kind) == (registration.pk, "event:masterclass")


def test_invitation_mail_is_dutch_and_carries_a_signed_link_and_an_opt_out(techniekhuis):
    past_booking(techniekhuis, contact_name="Juf Anna")

    services.send_invitations()

    mail = OutgoingMail.objects.get()
    assert "Bouw een windmolen" in mail.subject
    assert mail.subject.startswith("Hoe was het?")
    assert "Beste Juf Anna" in mail.body_text
    assert "/evaluatie/" in mail.body_text and "/afmelden/" in mail.body_text
    assert services.invitation_for_token(token_of(mail)) == Invitation.objects.get()


def test_event_type_without_its_own_set_takes_the_set_for_any_event(region_site):
    past_registration(region_site, event_type=EventPage.EventType.WORKSHOP)
    assert services.send_invitations().done == 0  # no set for workshops yet: stays due
    assert len(due()) == 1

    general = QuestionSet.objects.create(name="Algemeen", kind="event:")
    Question.objects.create(question_set=general, text="Hoe was het?")
    assert services.send_invitations().done == 1
    assert Invitation.objects.get().question_set == general


# --- no mail to anonymised or unsubscribed addresses ---


def test_anonymised_booking_and_registration_are_never_mailed(techniekhuis, region_site, settings):
    past_booking(techniekhuis, days_ago=3)
    past_registration(region_site, days_ago=3)
    anonymise_bookings(older_than_days=1)
    anonymise_participants(older_than_days=1)

    assert due() == []
    assert services.send_invitations().done == 0
    assert not OutgoingMail.objects.exists()


def test_newsletter_unsubscriber_gets_no_evaluation(techniekhuis):
    Subscriber.objects.create(email="Juf@School.nl", status=Subscriber.Status.UNSUBSCRIBED)
    past_booking(techniekhuis, email="juf@school.nl")

    assert services.send_invitations().done == 0
    invitation = Invitation.objects.get()
    assert (invitation.status, invitation.skip_reason) == ("skipped", "unsubscribed")
    assert not OutgoingMail.objects.exists()
    assert due() == []  # decided once


def test_opt_out_link_stops_all_later_evaluations_without_keeping_the_address(techniekhuis, region_site):
    past_booking(techniekhuis, email="juf@school.nl")
    services.send_invitations()
    services.opt_out_with_token(token_of(OutgoingMail.objects.get()))

    past_registration(region_site, email="JUF@school.nl")
    assert services.send_invitations().done == 0
    assert OptOut.objects.get().email_hash == email_hash("juf@school.nl")
    assert not OptOut.objects.filter(email_hash__icontains="school").exists()


# --- one reminder ---


def test_unanswered_invitation_gets_one_reminder_after_n_days(techniekhuis, settings):
    settings.EVALUATIONS_REMINDER_AFTER_DAYS = 5
    past_booking(techniekhuis)
    services.send_invitations()
    now = timezone.now()

    assert services.send_reminders(now + dt.timedelta(days=4)).done == 0
    assert services.send_reminders(now + dt.timedelta(days=6)).done == 1
    assert services.send_reminders(now + dt.timedelta(days=7)).done == 0

    reminder = OutgoingMail.objects.get(key__endswith="-reminder")
    assert reminder.subject.startswith("Herinnering")
    assert token_of(reminder) == token_of(OutgoingMail.objects.get(key__endswith="-invitation"))


def test_answered_invitation_gets_no_reminder(techniekhuis):
    past_booking(techniekhuis)
    services.send_invitations()
    invitation = Invitation.objects.get()
    services.submit_response(token_of(OutgoingMail.objects.get()), answers_for(invitation))

    assert services.send_reminders(timezone.now() + dt.timedelta(days=30)).done == 0


def test_no_reminder_once_the_booking_is_anonymised(techniekhuis):
    booking = past_booking(techniekhuis)
    services.send_invitations()
    Booking.objects.filter(pk=booking.pk).update(email="", contact_name="", anonymised_at=timezone.now())

    assert services.send_reminders(timezone.now() + dt.timedelta(days=8)).done == 0
    assert OutgoingMail.objects.count() == 1
    assert Invitation.objects.get().reminded_at is not None  # decided, never tried again


# --- answering once, anonymous unless opted in ---


def test_answers_are_stored_once_and_a_second_attempt_is_refused(techniekhuis):
    past_booking(techniekhuis)
    services.send_invitations()
    token = token_of(OutgoingMail.objects.get())
    invitation = Invitation.objects.get()

    response = services.submit_response(token, answers_for(invitation))
    with pytest.raises(services.AlreadyAnswered) as refused:
        services.submit_response(token, answers_for(invitation, rating="1"))

    assert refused.value.status == 409
    assert Response.objects.count() == 1
    assert set(response.answers.exclude(rating=None).values_list("rating", flat=True)) == {4}
    assert Invitation.objects.get().answered_on == timezone.localdate()


def test_answers_are_anonymous_without_consent(techniekhuis):
    past_booking(techniekhuis, contact_name="Juf Anna", email="anna@school.nl")
    services.send_invitations()
    invitation = Invitation.objects.get()

    response = services.submit_response(token_of(OutgoingMail.objects.get()), answers_for(invitation))

    assert (response.share_identity, response.respondent_name, response.respondent_email) == (False, "", "")
    # Nothing on the response points back to the invitation or the booking.
    fields = {f.name for f in Response._meta.get_fields()}
    assert not fields & {"invitation", "participation_id", "booking"}
    assert response.region_id == invitation.region_id and response.subject_key == invitation.subject_key


def test_respondent_who_opts_in_is_kept_with_their_answers(region_site):
    past_registration(region_site, name="Piet Docent", email="piet@vmbo.nl")
    services.send_invitations()
    invitation = Invitation.objects.get()

    response = services.submit_response(
        token_of(OutgoingMail.objects.get()), answers_for(invitation), share_identity=True
    )

    assert (response.share_identity, response.respondent_name, response.respondent_email) == (
        True,
        "Piet Docent",
        "piet@vmbo.nl",
    )


def test_a_forged_or_foreign_token_opens_nothing(techniekhuis):
    past_booking(techniekhuis)
    services.send_invitations()
    token = token_of(OutgoingMail.objects.get())

    for bad in (token[:-2] + "xx", "nonsense"):
        with pytest.raises(services.InvalidEvaluationLink):
            services.invitation_for_token(bad)


def test_link_expires_after_evaluations_link_days(techniekhuis, settings):
    past_booking(techniekhuis)
    services.send_invitations()
    token = token_of(OutgoingMail.objects.get())
    settings.EVALUATIONS_LINK_DAYS = 0

    with pytest.raises(services.InvalidEvaluationLink) as error:
        services.invitation_for_token(token)
    assert error.value.code == "expired_token"


def test_empty_optional_answers_are_not_stored(techniekhuis):
    past_booking(techniekhuis)
    services.send_invitations()
    invitation = Invitation.objects.get()
    values = [
        services.AnswerValue(q, text="") if q.kind == Question.Kind.TEXT else value
        for q, value in zip(services.questions_of(invitation), answers_for(invitation), strict=True)
    ]

    services.submit_response(token_of(OutgoingMail.objects.get()), values)

    assert not Answer.objects.filter(question_kind="text").exists()


def test_names_kept_with_answers_go_after_the_retention_period(region_site, settings):
    past_registration(region_site, name="Piet Docent", email="piet@vmbo.nl")
    services.send_invitations()
    invitation = Invitation.objects.get()
    services.submit_response(
        token_of(OutgoingMail.objects.get()), answers_for(invitation), share_identity=True
    )
    settings.EVALUATIONS_ANONYMISE_AFTER_DAYS = 30

    assert services.anonymise_responses() == 0
    assert services.anonymise_responses(today=timezone.localdate() + dt.timedelta(days=40)) == 1

    response = Response.objects.get()
    assert (response.share_identity, response.respondent_name, response.respondent_email) == (False, "", "")
    assert response.answers.count() == len(services.questions_of(invitation))


def test_send_evaluations_command_invites_and_says_how_many(techniekhuis):
    past_booking(techniekhuis)
    out = io.StringIO()

    call_command("send_evaluations", stdout=out)
    call_command("send_evaluations", stdout=out)

    assert out.getvalue().splitlines() == [
        "Queued 1 invitation(s) and 0 reminder(s).",
        "Queued 0 invitation(s) and 0 reminder(s).",
    ]


def test_one_question_set_in_use_per_kind_and_choices_need_two_options():
    second = QuestionSet(name="Nog een", kind="lesson", active=True)
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "active" in error.value.message_dict

    lonely = Question(question_set=QuestionSet.objects.first(), text="Kies", kind="choice", choices="Ja\n")
    with pytest.raises(ValidationError) as error:
        lonely.full_clean()
    assert "choices" in error.value.message_dict
