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
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.errors import DomainError, InvalidSignedLink
from cms.pages.models import ChallengePage, EventOccurrence, EventPage
from cms.participation import capacity
from cms.signed_links import InvalidLink
from cms.snippets.models import School
from cms.snippets.services import InvalidSchool, NewSchool, resolve_school

from . import emails
from .models import ChallengeTeam, EventCapacity, EventRegistration, OccurrenceCapacity
from .tokens import CANCEL_LINK

PLACES = capacity.Counter("registered", "capacity")
ONE_PLACE = {PLACES: 1}
Status = EventRegistration.Status


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
    #: One date of a series that takes registrations per date (else ``None``: the whole event).
    occurrence_id: int | None = None


@dataclass
class RegistrationResult:
    registration: EventRegistration
    created: bool
    promoted: list[EventRegistration] = field(default_factory=list)


# --- capacity rows --------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What a registration takes a place on: the whole event, or one of its dates."""

    page: EventPage
    occurrence: EventOccurrence | None = None

    @property
    def row_model(self) -> type[EventCapacity] | type[OccurrenceCapacity]:
        return EventCapacity if self.occurrence is None else OccurrenceCapacity

    @property
    def row_pk(self) -> int:
        return self.page.pk if self.occurrence is None else self.occurrence.pk

    @property
    def limit(self) -> int | None:
        return self.page.capacity if self.occurrence is None else self.occurrence.effective_capacity

    @property
    def cancelled(self) -> bool:
        if self.occurrence is not None:
            return self.occurrence.is_cancelled
        dates = EventOccurrence.objects.filter(page_id=self.page.pk).exclude(
            status=EventOccurrence.Status.SKIPPED
        )
        return dates.exists() and not dates.filter(status=EventOccurrence.Status.SCHEDULED).exists()

    def registrations(self):
        return EventRegistration.objects.filter(event_id=self.page.pk, occurrence=self.occurrence)


def target_of(registration: EventRegistration) -> Target:
    return Target(registration.event, registration.occurrence)


def lock_capacity(target: Target) -> EventCapacity | OccurrenceCapacity:
    """Lock the target's counter row (creating it first), with ``capacity`` synced from the page/date."""
    model, pk, limit = target.row_model, target.row_pk, target.limit
    key = "page_id" if model is EventCapacity else "occurrence_id"
    model.objects.get_or_create(**{key: pk}, defaults={"capacity": limit})
    row = capacity.lock(model, pk)
    if row.capacity != limit:
        row.capacity = limit
        row.save(update_fields=["capacity"])
    return row


def promote_waitlist(target: Target) -> list[EventRegistration]:
    """Confirm waiting registrations, oldest first, while places are free. Call with the row locked.

    A cancelled event or date promotes nobody: its places are no use to anyone.
    """
    if target.cancelled:
        return []

    def try_reserve(entry: EventRegistration) -> bool:
        return capacity.reserve(target.row_model, target.row_pk, ONE_PLACE)

    def on_promoted(entry: EventRegistration) -> None:
        entry.status = Status.CONFIRMED
        entry.save(update_fields=["status", "updated_at"])
        entry.event = target.page
        entry.occurrence = target.occurrence
        emails.registration_confirmed(entry, promoted=True)

    waiting = (
        target.registrations()
        .select_for_update()
        .filter(status=Status.WAITLISTED)
        .order_by("created_at", "pk")
    )
    return capacity.promote_waiting(list(waiting), try_reserve, on_promoted)


def sync_capacity(page: EventPage) -> list[EventRegistration]:
    """Follow a changed capacity of the page or its dates; more places promote the waiting lists."""
    promoted = []
    with transaction.atomic():
        targets = [Target(page)]
        if page.registration_scope == EventPage.RegistrationScope.OCCURRENCE:
            targets += [
                Target(page, o) for o in page.occurrences.exclude(status=EventOccurrence.Status.SKIPPED)
            ]
        for target in targets:
            lock_capacity(target)
            promoted += promote_waitlist(target)
    return promoted


# --- event registration ---------------------------------------------------------------------


def check_event_open(page: EventPage, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    if not page.live:
        raise RegistrationClosed(_("This event does not exist."), field="event", code="not_found")
    if page.start <= now:
        raise RegistrationClosed(
            _("Registration is closed: this event has already started."), field="event", code="closed"
        )
    if Target(page).cancelled:
        raise RegistrationClosed(_("This event has been cancelled."), field="event", code="cancelled")


def resolve_target(page: EventPage, occurrence_id: int | None, now: dt.datetime | None = None) -> Target:
    """The event or the date a registration is for, as the editor set up the event; open for registration.

    An event that takes registrations per date needs a date (unless it has only one); one that
    takes them for the whole series refuses a date.
    """
    now = now or timezone.now()
    per_date = page.registration_scope == EventPage.RegistrationScope.OCCURRENCE
    if not per_date:
        if occurrence_id is not None:
            raise RegistrationError(
                _("Registration is for the whole series, not for a single date."),
                field="occurrence",
                code="series_only",
            )
        check_event_open(page, now)
        return Target(page)
    if not page.live:
        raise RegistrationClosed(_("This event does not exist."), field="event", code="not_found")
    dates = page.occurrences.exclude(status=EventOccurrence.Status.SKIPPED)
    if occurrence_id is None:
        if dates.count() != 1:
            raise RegistrationError(_("Choose a date."), field="occurrence", code="required")
        occurrence = dates.get()
    else:
        occurrence = dates.filter(pk=occurrence_id).first()
        if occurrence is None:
            raise RegistrationError(
                _("This date is not part of the event."), field="occurrence", code="invalid"
            )
    if occurrence.is_cancelled:
        raise RegistrationClosed(_("This date has been cancelled."), field="occurrence", code="cancelled")
    if occurrence.start <= now:
        raise RegistrationClosed(
            _("Registration is closed: this date has already started."), field="occurrence", code="closed"
        )
    return Target(page, occurrence)


def register_for_event(request: RegistrationRequest, *, now: dt.datetime | None = None) -> RegistrationResult:
    """Register someone for an event (or one date of it), or put them on the waiting list.

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
            target = resolve_target(page, request.occurrence_id, now)
            row = lock_capacity(target)
            if existing := EventRegistration.objects.filter(idempotency_key=request.idempotency_key).first():
                return RegistrationResult(existing, created=False)
            duplicate = (
                target.registrations().filter(email__iexact=email).exclude(status=Status.CANCELLED).exists()
            )
            if duplicate:
                raise AlreadyRegistered(
                    _("This email address is already registered for this event."),
                    field="email",
                    code="duplicate",
                )
            if capacity.reserve(target.row_model, row.pk, ONE_PLACE):
                status = Status.CONFIRMED
            elif request.waitlist:
                status = Status.WAITLISTED
            else:
                raise EventFull(
                    _("This event is full. You can sign up for the waiting list."), field="event", code="full"
                )
            registration = EventRegistration.objects.create(
                event=page,
                occurrence=target.occurrence,
                name=request.name.strip(),
                email=email,
                organisation=request.organisation.strip(),
                role=request.role,
                status=status,
                idempotency_key=request.idempotency_key,
            )
            if status == Status.CONFIRMED:
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
        found = (
            EventRegistration.objects.filter(pk=registration_id)
            .values_list("event_id", "occurrence_id")
            .first()
        )
        if found is None:
            raise RegistrationError(_("This registration does not exist."), code="not_found")
        page = EventPage.objects.get(pk=found[0])
        occurrence = EventOccurrence.objects.get(pk=found[1]) if found[1] else None
        target = Target(page, occurrence)
        lock_capacity(target)  # counter row first, then the registration: same order as registering
        registration = EventRegistration.objects.select_for_update().get(pk=registration_id)
        registration.event, registration.occurrence = page, occurrence
        if not registration.is_open:
            raise InvalidToken(_("This registration has already been cancelled."), code="used_token")
        held = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        promoted: list[EventRegistration] = []
        if held:
            capacity.release(target.row_model, target.row_pk, ONE_PLACE)
            promoted = promote_waitlist(target)
        emails.registration_cancelled(registration)
    return RegistrationResult(registration, created=False, promoted=promoted)


def registration_for_token(token: str) -> EventRegistration:
    """The registration a cancel link names; raises :class:`InvalidToken` for any bad link."""
    try:
        pk, key = CANCEL_LINK.read(token)
        return EventRegistration.objects.select_related("event", "occurrence").get(
            pk=pk, idempotency_key__startswith=key
        )
    except (InvalidLink, EventRegistration.DoesNotExist):
        raise InvalidToken(_("This cancellation link is not valid."), code="invalid_token") from None


def registration_start(registration: EventRegistration) -> dt.datetime:
    return registration.occurrence.start if registration.occurrence else registration.event.start


def cancel_with_token(token: str, *, now: dt.datetime | None = None) -> RegistrationResult:
    """Cancel through the link in the confirmation mail; the link works once, and only until the
    event starts (a freed place could no longer be used, and nobody should be promoted then)."""
    registration = registration_for_token(token)
    if registration.status == Status.CANCELLED:
        raise InvalidToken(_("This registration has already been cancelled."), code="used_token")
    if not registration.is_open or (now or timezone.now()) >= registration_start(registration):
        raise RegistrationClosed(_("This event has already started."), code="event_started")
    return cancel_registration(registration.pk)


# --- cancelling an event or one of its dates ------------------------------------------------------


def _reason(reason: str) -> str:
    reason = " ".join(reason.split())[:300]
    if not reason:
        raise RegistrationError(_("Give a reason for cancelling."), field="reason", code="required")
    return reason


def _cancel_dates(page: EventPage, dates: list[EventOccurrence], reason: str) -> list[EventRegistration]:
    """Cancel ``dates`` (locked, scheduled) of ``page``; one mail per registrant with every date they lose."""
    for occurrence in dates:
        occurrence.status = EventOccurrence.Status.CANCELLED
        occurrence.cancellation_reason = reason
        occurrence.sequence += 1
        occurrence.save(update_fields=["status", "cancellation_reason", "sequence"])
    by_id = {o.pk: o for o in dates}
    whole_event_off = Target(page).cancelled
    affected = EventRegistration.objects.select_for_update().filter(
        Q(occurrence__in=dates) | Q(occurrence__isnull=True, event_id=page.pk),
        status__in=[Status.CONFIRMED, Status.WAITLISTED],
    )
    told = []
    for registration in affected.order_by("pk"):
        registration.event = page
        if registration.occurrence_id is not None:
            registration.occurrence = by_id[registration.occurrence_id]
        if registration.occurrence_id is not None or whole_event_off:
            registration.status = Status.CANCELLED
            registration.save(update_fields=["status", "updated_at"])
        lost = [registration.occurrence] if registration.occurrence_id else dates
        emails.event_cancelled(registration, lost, reason=reason)
        told.append(registration)
    return told


def cancel_occurrence(occurrence_id: int, reason: str) -> list[EventRegistration]:
    """Cancel one date of an event with a reason; returns the registrations told about it.

    Registrations for that date end as cancelled; people registered for the whole series stay
    registered for the other dates. Everyone gets a mail with an iCalendar cancellation
    (``METHOD:CANCEL``, a higher ``SEQUENCE``) so their calendars drop the date. Nobody is
    promoted from the waiting list. When this was the last date left, the whole event is off.
    """
    reason = _reason(reason)
    with transaction.atomic():
        occurrence = (
            EventOccurrence.objects.select_for_update()
            .select_related("page")
            .filter(pk=occurrence_id)
            .first()
        )
        if occurrence is None:
            raise RegistrationError(_("This date does not exist."), field="occurrence", code="not_found")
        if occurrence.status != EventOccurrence.Status.SCHEDULED:
            raise RegistrationError(
                _("This date has already been cancelled."), field="occurrence", code="cancelled"
            )
        return _cancel_dates(occurrence.page, [occurrence], reason)


def cancel_event(page_id: int, reason: str, *, now: dt.datetime | None = None) -> list[EventRegistration]:
    """Cancel the whole event: every date that has not ended or been cancelled (see :func:`cancel_occurrence`)."""
    reason = _reason(reason)
    with transaction.atomic():
        page = EventPage.objects.filter(pk=page_id).first()
        if page is None:
            raise RegistrationError(_("This event does not exist."), field="event", code="not_found")
        dates = list(
            EventOccurrence.objects.select_for_update()
            .filter(page_id=page_id, status=EventOccurrence.Status.SCHEDULED, end__gte=now or timezone.now())
            .order_by("start", "pk")
        )
        if not dates:
            raise RegistrationError(
                _("This event has no date left to cancel."), field="event", code="cancelled"
            )
        return _cancel_dates(page, dates, reason)


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
