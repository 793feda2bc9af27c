"""Evaluation rules: who is invited (once), who is reminded (once), and answering (once).

``send_evaluations`` (the management command, daily or hourly from cron) runs
:func:`send_invitations` and :func:`send_reminders`; both are idempotent and go participation by
participation (:mod:`cms.batch`). Mail goes through the outbox, never to an address that is
anonymised (the source then has no participation) or unsubscribed (:func:`registry.is_suppressed`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import batch
from cms.errors import DomainError, InvalidSignedLink
from cms.signed_links import ExpiredLink, InvalidLink

from . import emails, registry, suppressions
from .models import EVENT_KIND_PREFIX, Answer, Invitation, Question, QuestionSet, Response
from .tokens import ANSWER_LINK, link_days

DEFAULT_LOOKBACK_DAYS = 14
DEFAULT_REMINDER_AFTER_DAYS = 7


class EvaluationError(DomainError):
    """An evaluation cannot be answered (any more)."""


class InvalidEvaluationLink(InvalidSignedLink, EvaluationError):
    default_message = _("This evaluation link is not valid. Use the link from the most recent email.")


class AlreadyAnswered(EvaluationError):
    status = 409
    code = "already_answered"
    default_message = _("This evaluation has already been filled in. Thank you!")


def lookback_days() -> int:
    """Participations that ended longer ago are never invited (so a new installation mails no backlog)."""
    return getattr(settings, "EVALUATIONS_LOOKBACK_DAYS", DEFAULT_LOOKBACK_DAYS)


def reminder_after_days() -> int:
    return getattr(settings, "EVALUATIONS_REMINDER_AFTER_DAYS", DEFAULT_REMINDER_AFTER_DAYS)


def question_set_for(kind: str) -> QuestionSet | None:
    """The set in use for ``kind``; an event type without its own set takes the one for any event."""
    sets = {qs.kind: qs for qs in QuestionSet.objects.filter(active=True, kind__in=[kind, EVENT_KIND_PREFIX])}
    return sets.get(kind) or (sets.get(EVENT_KIND_PREFIX) if kind.startswith(EVENT_KIND_PREFIX) else None)


# --- invitations -------------------------------------------------------------------------------


def due_participations(now: dt.datetime | None = None) -> list[tuple[str, int]]:
    """``(source, id)`` of every participation that ended within the look-back and has no invitation."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=lookback_days())
    due = []
    for source in registry.sources():
        invited = Invitation.objects.filter(source=source.name).values("participation_id")
        due += [(source.name, pk) for pk in source.due(now=now, since=since, invited=invited)]
    return due


def invite(item: tuple[str, int]) -> bool:
    """Make the one invitation of a participation and queue its mail; ``False`` when nothing was sent.

    A participation whose address is suppressed gets an invitation row marked "not sent", so it is
    decided once. One without a question set for its kind stays due (an editor may add one).
    """
    source_name, pk = item
    source = registry.get_source(source_name)
    participation = source.get(pk) if source else None
    if participation is None:
        return False
    question_set = question_set_for(participation.kind)
    if question_set is None:
        return False
    invitation, created = Invitation.objects.get_or_create(
        source=source_name,
        participation_id=pk,
        defaults={
            "question_set": question_set,
            "subject_key": participation.subject_key,
            "subject_title": participation.subject_title[:255],
            "kind": participation.kind,
            "occurred_on": participation.occurred_on,
            "region_id": participation.region_id,
            "language": participation.language,
            "base_url": participation.base_url,
        },
    )
    if not created:
        return False
    if registry.is_suppressed(participation.email):
        invitation.status = Invitation.Status.SKIPPED
        invitation.skip_reason = "unsubscribed"
        invitation.save(update_fields=["status", "skip_reason"])
        return False
    emails.invitation_mail(invitation, participation)
    return True


def send_invitations(now: dt.datetime | None = None) -> batch.Outcome:
    """Invite every due participation once; a failing one stays due for the next run."""
    return batch.each(due_participations(now), invite, what="Evaluation invitation for")


# --- reminders ---------------------------------------------------------------------------------


def send_reminders(now: dt.datetime | None = None) -> batch.Outcome:
    """Remind, once, everyone whose invitation went out ``EVALUATIONS_REMINDER_AFTER_DAYS`` ago unanswered."""
    now = now or timezone.now()
    due = Invitation.objects.filter(
        status=Invitation.Status.SENT,
        answered_on__isnull=True,
        reminded_at__isnull=True,
        created_at__lte=now - dt.timedelta(days=reminder_after_days()),
        created_at__gte=now - dt.timedelta(days=link_days()),
    ).values_list("pk", flat=True)
    return batch.each(list(due), _remind, what="Evaluation reminder for invitation")


def _remind(invitation_id: int) -> bool:
    invitation = Invitation.objects.select_for_update().get(pk=invitation_id)
    if invitation.reminded_at or invitation.answered_on or invitation.status != Invitation.Status.SENT:
        return False
    source = registry.get_source(invitation.source)
    participation = source.get(invitation.participation_id) if source else None
    invitation.reminded_at = timezone.now()
    invitation.save(update_fields=["reminded_at"])
    # Anonymised, cancelled or unsubscribed since the invitation: no reminder, and none later.
    if participation is None or registry.is_suppressed(participation.email):
        return False
    emails.reminder_mail(invitation, participation)
    return True


# --- answering ---------------------------------------------------------------------------------


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link opens; raises :class:`InvalidEvaluationLink`."""
    try:
        pk, key = ANSWER_LINK.read(token)
    except ExpiredLink:
        raise InvalidEvaluationLink(_("This evaluation link has expired."), code="expired_token") from None
    except InvalidLink:
        raise InvalidEvaluationLink() from None
    invitation = (
        Invitation.objects.select_related("question_set")
        .filter(pk=pk, key__startswith=key, status=Invitation.Status.SENT)
        .first()
    )
    if invitation is None:
        raise InvalidEvaluationLink()
    return invitation


def questions_of(invitation: Invitation) -> list[Question]:
    return list(invitation.question_set.questions.order_by("sort_order", "pk"))


@dataclass(frozen=True)
class AnswerValue:
    question: Question
    rating: int | None = None
    choice: str = ""
    text: str = ""


def submit_response(
    token: str, answers: list[AnswerValue], *, share_identity: bool = False, today: dt.date | None = None
) -> Response:
    """Store the answers of one invitation, once. With ``share_identity`` the participant's name and
    address (as the source holds them now) are kept with the answers; otherwise nothing links them."""
    invitation = invitation_for_token(token)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.answered_on is not None:
            raise AlreadyAnswered()
        today = today or timezone.localdate()
        name = email = ""
        if share_identity:
            source = registry.get_source(invitation.source)
            participation = source.get(invitation.participation_id) if source else None
            if participation is not None:
                name, email = participation.name, participation.email
        response = Response.objects.create(
            question_set=invitation.question_set,
            source=invitation.source,
            subject_key=invitation.subject_key,
            subject_title=invitation.subject_title,
            kind=invitation.kind,
            occurred_on=invitation.occurred_on,
            region_id=invitation.region_id,
            submitted_on=today,
            share_identity=bool(share_identity and email),
            respondent_name=name[:120],
            respondent_email=email,
        )
        Answer.objects.bulk_create(
            Answer(
                response=response,
                question=value.question,
                question_text=value.question.text,
                question_kind=value.question.kind,
                position=position,
                rating=value.rating,
                choice=value.choice,
                text=value.text,
            )
            for position, value in enumerate(answers)
            if value.rating is not None or value.choice or value.text
        )
        invitation.answered_on = today
        invitation.save(update_fields=["answered_on"])
    return response


def opt_out_with_token(token: str) -> None:
    """The participant of the link's invitation gets no evaluation mail any more."""
    invitation = invitation_for_token(token)
    source = registry.get_source(invitation.source)
    participation = source.get(invitation.participation_id) if source else None
    if participation is not None:
        suppressions.opt_out(participation.email)


# --- privacy -----------------------------------------------------------------------------------

DEFAULT_ANONYMISE_AFTER_DAYS = 730


def anonymise_responses(*, older_than_days: int | None = None, today: dt.date | None = None) -> int:
    """Blank the names and addresses respondents chose to add, ``EVALUATIONS_ANONYMISE_AFTER_DAYS``
    (730) after the lesson or event, like bookings and registrations; the answers stay. Idempotent."""
    if older_than_days is None:
        older_than_days = getattr(settings, "EVALUATIONS_ANONYMISE_AFTER_DAYS", DEFAULT_ANONYMISE_AFTER_DAYS)
    cutoff = (today or timezone.localdate()) - dt.timedelta(days=older_than_days)
    old = Response.objects.filter(occurred_on__lt=cutoff, share_identity=True)
    return old.update(share_identity=False, respondent_name="", respondent_email="")
