"""Event registration and challenge team rules.

Every public function is one transaction. Event places are reserved on the event's
:class:`~cms.events.models.EventCapacity` row with :mod:`cms.participation.capacity` (the same
conditional UPDATE and row lock the lesson bookings use); mails are queued through the outbox
inside the transaction, so they go out after commit and are retried when SMTP is down.
Rule violations raise :class:`RegistrationError` (or a subclass) that forms and the API turn
into field errors, 400 or 409.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.errors import DomainError, InvalidSignedLink
from cms.pages.models import ChallengePage, EventPage
from cms.participation import capacity
from cms.signed_links import InvalidLink
from cms.snippets.models import School
from cms.snippets.services import InvalidSchool, NewSchool, resolve_school

from . import emails
from .models import ChallengeTeam, EventCapacity, EventRegistration
from .tokens import CANCEL_LINK

PLACES = capacity.Counter("registered", "capacity")
ONE_PLACE = {PLACES: 1}


class RegistrationError(DomainError):
    """A registration rule was broken (400); ``field`` names the form field it belongs to, if any."""


class RegistrationClosed(RegistrationError):
    pass


class EventFull(RegistrationError):
    """No place left; the caller may retry with ``waitlist=True``."""

    status = 409
    code = "full"


class AlreadyRegistered(RegistrationError):
    status = 409
    code = "duplicate"


class InvalidToken(RegistrationError, InvalidSignedLink):
    pass


@dataclass(frozen=True)
class RegistrationRequest:
    event_id: int
    name: str
    email: str
    idempotency_key: str
    organisation: str = ""
    role: str = EventRegistration.Role.TEACHER
    waitlist: bool = False


@dataclass
class RegistrationResult:
    registration: EventRegistration
    created: bool
    promoted: list[EventRegistration] = field(default_factory=list)


# --- capacity row ---------------------------------------------------------------------------


def _lock_capacity(page: EventPage) -> EventCapacity:
    """Lock the event's counter row (creating it first), with ``capacity`` synced from the page."""
    EventCapacity.objects.get_or_create(page_id=page.pk, defaults={"capacity": page.capacity})
    row = capacity.lock(EventCapacity, page.pk)
    if row.capacity != page.capacity:
        row.capacity = page.capacity
        row.save(update_fields=["capacity"])
    return row


def promote_waitlist(page: EventPage) -> list[EventRegistration]:
    """Confirm waiting registrations, oldest first, while places are free. Call with the row locked."""

    def try_reserve(entry: EventRegistration) -> bool:
        return capacity.reserve(EventCapacity, page.pk, ONE_PLACE)

    def on_promoted(entry: EventRegistration) -> None:
        entry.status = EventRegistration.Status.CONFIRMED
        entry.save(update_fields=["status", "updated_at"])
        entry.event = page
        emails.registration_confirmed(entry, promoted=True)

    waiting = (
        EventRegistration.objects.select_for_update()
        .filter(event_id=page.pk, status=EventRegistration.Status.WAITLISTED)
        .order_by("created_at", "pk")
    )
    return capacity.promote_waiting(list(waiting), try_reserve, on_promoted)


def sync_capacity(page: EventPage) -> list[EventRegistration]:
    """Follow a changed ``EventPage.capacity``; more places promote the waiting list."""
    with transaction.atomic():
        _lock_capacity(page)
        return promote_waitlist(page)


# --- event registration ---------------------------------------------------------------------


def check_event_open(page: EventPage, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    if not page.live:
        raise RegistrationClosed(_("This event does not exist."), field="event", code="not_found")
    if page.start <= now:
        raise RegistrationClosed(
            _("Registration is closed: this event has already started."), field="event", code="closed"
        )


def register_for_event(request: RegistrationRequest, *, now: dt.datetime | None = None) -> RegistrationResult:
    """Register someone for an event, or put them on the waiting list.

    Idempotent on ``request.idempotency_key`` (a repeat returns the first registration with
    ``created=False``). Raises :class:`RegistrationClosed`, :class:`EventFull` (full and
    ``waitlist`` false), :class:`AlreadyRegistered` or :class:`RegistrationError`.
    """
    if existing := EventRegistration.objects.filter(idempotency_key=request.idempotency_key).first():
        return RegistrationResult(existing, created=False)
    email = request.email.strip()
    try:
        with transaction.atomic():
            page = EventPage.objects.filter(pk=request.event_id).first()
            if page is None:
                raise RegistrationError(_("This event does not exist."), field="event", code="not_found")
            row = _lock_capacity(page)
            if existing := EventRegistration.objects.filter(idempotency_key=request.idempotency_key).first():
                return RegistrationResult(existing, created=False)
            check_event_open(page, now)
            duplicate = (
                EventRegistration.objects.filter(event_id=page.pk, email__iexact=email)
                .exclude(status=EventRegistration.Status.CANCELLED)
                .exists()
            )
            if duplicate:
                raise AlreadyRegistered(
                    _("This email address is already registered for this event."),
                    field="email",
                    code="duplicate",
                )
            if capacity.reserve(EventCapacity, row.pk, ONE_PLACE):
                status = EventRegistration.Status.CONFIRMED
            elif request.waitlist:
                status = EventRegistration.Status.WAITLISTED
            else:
                raise EventFull(
                    _("This event is full. You can sign up for the waiting list."), field="event", code="full"
                )
            registration = EventRegistration.objects.create(
                event=page,
                name=request.name.strip(),
                email=email,
                organisation=request.organisation.strip(),
                role=request.role,
                status=status,
                idempotency_key=request.idempotency_key,
            )
            if status == EventRegistration.Status.CONFIRMED:
                emails.registration_confirmed(registration)
            else:
                emails.registration_waitlisted(registration)
    except IntegrityError:
        # Two requests with one key raced past the first check: the loser reports the winner.
        if existing := EventRegistration.objects.filter(idempotency_key=request.idempotency_key).first():
            return RegistrationResult(existing, created=False)
        raise
    return RegistrationResult(registration, created=True)


def cancel_registration(registration_id: int) -> RegistrationResult:
    """Cancel a registration, free its place and promote the waiting list."""
    with transaction.atomic():
        event_id = (
            EventRegistration.objects.filter(pk=registration_id).values_list("event_id", flat=True).first()
        )
        if event_id is None:
            raise RegistrationError(_("This registration does not exist."), code="not_found")
        page = EventPage.objects.get(pk=event_id)
        _lock_capacity(page)  # counter row first, then the registration: same order as registering
        registration = EventRegistration.objects.select_for_update().get(pk=registration_id)
        registration.event = page
        if registration.status == EventRegistration.Status.CANCELLED:
            raise InvalidToken(_("This registration has already been cancelled."), code="used_token")
        held = registration.status == EventRegistration.Status.CONFIRMED
        registration.status = EventRegistration.Status.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        promoted: list[EventRegistration] = []
        if held:
            capacity.release(EventCapacity, page.pk, ONE_PLACE)
            promoted = promote_waitlist(page)
        emails.registration_cancelled(registration)
    return RegistrationResult(registration, created=False, promoted=promoted)


def registration_for_token(token: str) -> EventRegistration:
    """The registration a cancel link names; raises :class:`InvalidToken` for any bad link."""
    try:
        pk, key = CANCEL_LINK.read(token)
        return EventRegistration.objects.select_related("event").get(pk=pk, idempotency_key__startswith=key)
    except (InvalidLink, EventRegistration.DoesNotExist):
        raise InvalidToken(_("This cancellation link is not valid."), code="invalid_token") from None


def cancel_with_token(token: str, *, now: dt.datetime | None = None) -> RegistrationResult:
    """Cancel through the link in the confirmation mail; the link works once, and only until the
    event starts (a freed place could no longer be used, and nobody should be promoted then)."""
    registration = registration_for_token(token)
    if registration.status == EventRegistration.Status.CANCELLED:
        raise InvalidToken(_("This registration has already been cancelled."), code="used_token")
    if (now or timezone.now()) >= registration.event.start:
        raise RegistrationClosed(_("This event has already started."), code="event_started")
    return cancel_registration(registration.pk)


# --- challenge teams ------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamRequest:
    challenge_id: int
    school: School | NewSchool
    team_name: str
    pupils: int
    teacher_name: str
    teacher_email: str
    idempotency_key: str


@dataclass
class TeamResult:
    team: ChallengeTeam
    created: bool


def check_challenge_open(challenge: ChallengePage, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    if not challenge.live:
        raise RegistrationClosed(_("This challenge does not exist."), field="challenge", code="not_found")
    if challenge.registration_deadline is None:
        raise RegistrationClosed(
            _("Team registration is not open for this challenge."), field="challenge", code="closed"
        )
    if challenge.registration_deadline <= now:
        deadline = timezone.localtime(challenge.registration_deadline).strftime("%d-%m-%Y %H:%M")
        raise RegistrationClosed(
            _("Team registration closed at the deadline (%(deadline)s).") % {"deadline": deadline},
            field="challenge",
            code="deadline_passed",
        )


def register_team(request: TeamRequest, *, now: dt.datetime | None = None) -> TeamResult:
    """Register a school's team for a challenge until its registration deadline.

    Idempotent on ``request.idempotency_key``. The team name is unique per challenge
    (case-insensitive, cancelled teams excepted).
    """
    if existing := ChallengeTeam.objects.filter(idempotency_key=request.idempotency_key).first():
        return TeamResult(existing, created=False)
    name = " ".join(request.team_name.split())
    try:
        with transaction.atomic():
            # Lock the challenge row so two teams with one name can't both pass the check.
            challenge = ChallengePage.objects.select_for_update().filter(pk=request.challenge_id).first()
            if challenge is None:
                raise RegistrationError(
                    _("This challenge does not exist."), field="challenge", code="not_found"
                )
            check_challenge_open(challenge, now)
            taken = (
                ChallengeTeam.objects.filter(challenge=challenge, team_name__iexact=name)
                .exclude(status=ChallengeTeam.Status.CANCELLED)
                .exists()
            )
            if taken:
                raise RegistrationError(
                    _("There is already a team with this name in this challenge; choose another name."),
                    field="team_name",
                    code="duplicate",
                )
            try:
                school = resolve_school(request.school)
            except InvalidSchool as error:
                raise RegistrationError(error.message, field=error.field, code=error.code) from None
            team = ChallengeTeam.objects.create(
                challenge=challenge,
                school=school,
                team_name=name,
                pupils=request.pupils,
                teacher_name=request.teacher_name.strip(),
                teacher_email=request.teacher_email.strip(),
                idempotency_key=request.idempotency_key,
            )
            emails.team_registered(team)
    except IntegrityError:
        if existing := ChallengeTeam.objects.filter(idempotency_key=request.idempotency_key).first():
            return TeamResult(existing, created=False)
        raise RegistrationError(
            _("There is already a team with this name in this challenge; choose another name."),
            field="team_name",
            code="duplicate",
        ) from None
    return TeamResult(team, created=True)
