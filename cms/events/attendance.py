"""Check-in at the door: QR codes, the typed-name fallback, registrations at the door, no-shows.

Each check-in is one :class:`~cms.events.models.Attendance` row per registration and date, so a QR
code works once per date. The registration becomes ``attended``; what never checked in becomes
``no_show`` when the organiser closes the list. After commit, :data:`cms.events.signals.registration_attended`
tells other apps (certificates, evaluations).
"""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.pages.models import EventOccurrence, EventPage
from cms.participation import capacity
from cms.signed_links import InvalidLink

from .models import Attendance, EventRegistration
from .services import ONE_PLACE, RegistrationError, Target, lock_capacity
from .signals import registration_attended
from .tokens import CHECKIN_LINK

Status = EventRegistration.Status


class CheckInError(RegistrationError):
    """The ticket cannot be checked in (wrong date, cancelled, forged)."""


class AlreadyCheckedIn(CheckInError):
    status = 409
    code = "already_checked_in"


@dataclass
class CheckIn:
    attendance: Attendance
    registration: EventRegistration


def registrations_for(occurrence: EventOccurrence) -> QuerySet[EventRegistration]:
    """Everyone expected at a date: its own registrations and those for the whole series."""
    return EventRegistration.objects.filter(
        Q(occurrence=occurrence) | Q(occurrence__isnull=True, event_id=occurrence.page_id)
    )


def registration_for_checkin_token(token: str) -> EventRegistration:
    # A scanned QR code holds the check-in URL; take the token from its last path segment.
    token = token.strip().rstrip("/").rsplit("/", 1)[-1]
    try:
        pk, key = CHECKIN_LINK.read(token)
        return EventRegistration.objects.get(pk=pk, idempotency_key__startswith=key)
    except (InvalidLink, EventRegistration.DoesNotExist):
        raise CheckInError(_("This QR code is not a valid ticket."), code="invalid_token") from None


def _check_in(registration_id: int, occurrence: EventOccurrence, method: str) -> CheckIn:
    with transaction.atomic():
        registration = EventRegistration.objects.select_for_update().get(pk=registration_id)
        if registration.event_id != occurrence.page_id or registration.occurrence_id not in (
            None,
            occurrence.pk,
        ):
            raise CheckInError(_("This ticket is for another event or date."), code="other_date")
        if occurrence.is_cancelled:
            raise CheckInError(_("This date has been cancelled."), code="cancelled")
        if registration.status not in (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW):
            raise CheckInError(
                _("This registration is %(status)s, not confirmed.")
                % {"status": registration.get_status_display()},
                code="not_confirmed",
            )
        if earlier := Attendance.objects.filter(registration=registration, occurrence=occurrence).first():
            at = timezone.localtime(earlier.checked_in_at).strftime("%H:%M")
            raise AlreadyCheckedIn(
                _("%(name)s was already checked in at %(time)s.") % {"name": registration.name, "time": at}
            )
        try:
            with transaction.atomic():
                attendance = Attendance.objects.create(
                    registration=registration, occurrence=occurrence, method=method
                )
        except IntegrityError:
            raise AlreadyCheckedIn(
                _("%(name)s was already checked in.") % {"name": registration.name}
            ) from None
        registration.status = Status.ATTENDED
        registration.save(update_fields=["status", "updated_at"])

        def announce() -> None:
            registration_attended.send(
                sender=EventRegistration,
                registration=registration,
                occurrence=occurrence,
                attendance=attendance,
            )

        transaction.on_commit(announce)
    return CheckIn(attendance, registration)


def check_in_with_token(token: str, occurrence: EventOccurrence) -> CheckIn:
    """Check in the ticket (QR code) at ``occurrence``; a code works once per date."""
    return _check_in(registration_for_checkin_token(token).pk, occurrence, Attendance.Method.QR)


def check_in_registration(registration_id: int, occurrence: EventOccurrence) -> CheckIn:
    """Check someone in by their name on the list (no QR code at hand)."""
    if not registrations_for(occurrence).filter(pk=registration_id).exists():
        raise CheckInError(_("This registration is for another event or date."), code="other_date")
    return _check_in(registration_id, occurrence, Attendance.Method.LIST)


def register_at_the_door(
    occurrence: EventOccurrence, *, name: str, email: str, organisation: str = ""
) -> CheckIn:
    """Someone who did not register shows up: register and check in at once.

    The door is where capacity meets reality: a full date still takes them (the organiser let them
    in) and the counter goes over. Someone already registered is checked in on that registration.
    """
    name, email = " ".join(name.split()), email.strip()
    if not name or not email:
        raise CheckInError(_("Give a name and an email address."), field="name", code="required")
    page: EventPage = occurrence.page
    per_date = page.registration_scope == EventPage.RegistrationScope.OCCURRENCE
    target = Target(page, occurrence if per_date else None)
    with transaction.atomic():
        lock_capacity(target)
        existing = target.registrations().filter(email__iexact=email).exclude(status=Status.CANCELLED).first()
        if existing is not None:
            if existing.status == Status.WAITLISTED:
                existing.status = Status.CONFIRMED
                existing.save(update_fields=["status", "updated_at"])
                _take_place(target)
            return _check_in(existing.pk, occurrence, Attendance.Method.DOOR)
        registration = EventRegistration.objects.create(
            event=page,
            occurrence=target.occurrence,
            name=name[:120],
            email=email,
            organisation=" ".join(organisation.split())[:200],
            status=Status.CONFIRMED,
            at_the_door=True,
            idempotency_key=uuid.uuid4().hex,
        )
        _take_place(target)
        return _check_in(registration.pk, occurrence, Attendance.Method.DOOR)


def _take_place(target: Target) -> None:
    if not capacity.reserve(target.row_model, target.row_pk, ONE_PLACE):
        target.row_model.objects.filter(pk=target.row_pk).update(registered=F("registered") + 1)


def close_check_in(occurrence: EventOccurrence, *, now=None) -> int:
    """After a date has started: who was expected and never checked in becomes a no-show.

    A series registration is a no-show only when it attended no date at all (and this was the last
    date); returns how many registrations changed.
    """
    now = now or timezone.now()
    if occurrence.start > now:
        raise CheckInError(_("Close the list once the date has started."), code="not_started")
    with transaction.atomic():
        absent = (
            EventRegistration.objects.select_for_update()
            .filter(occurrence=occurrence, status=Status.CONFIRMED)
            .exclude(attendances__occurrence=occurrence)
        )
        changed = absent.update(status=Status.NO_SHOW)
        later = (
            EventOccurrence.objects.filter(page_id=occurrence.page_id, start__gt=occurrence.start)
            .exclude(status__in=[EventOccurrence.Status.SKIPPED, EventOccurrence.Status.CANCELLED])
            .exists()
        )
        if not later:
            changed += (
                EventRegistration.objects.filter(
                    event_id=occurrence.page_id, occurrence__isnull=True, status=Status.CONFIRMED
                )
                .exclude(attendances__isnull=False)
                .update(status=Status.NO_SHOW)
            )
    return changed
