"""Booking rules: capacity, waiting list, state changes and the own contribution.

Every public function is one transaction. Capacity is reserved with a conditional UPDATE on the
slot row after locking it (see :mod:`cms.participation.capacity`). Mail goes through the outbox, so
it is sent after commit and retried when SMTP is down: state changes queue it in their own
transaction; a new booking queues it right after commit, outside the slot lock, guarded by
``Booking.notifications_pending`` (see :func:`book_slot`).
Errors are domain exceptions (:class:`BookingError` and subclasses) that the form view and
the API turn into field errors, 400 or 409.
"""

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.db.models.query import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from cms import batch
from cms.errors import DomainError, InvalidSignedLink
from cms.participation import capacity
from cms.signed_links import InvalidLink
from cms.snippets.models import School, TargetGroup
from cms.snippets.services import InvalidSchool, NewSchool, index_school, resolve_school
from cms.tasks import enqueue_with_write

from . import emails, signals
from .models import Booking, LessonOffering, OwnContributionRule, TimeSlot
from .tokens import CANCEL_LINK

logger = logging.getLogger(__name__)

CLASSES = capacity.Counter("booked_classes", "capacity_classes")
PUPILS = capacity.Counter("booked_pupils", "capacity_pupils")
#: A class never has more pupils than this (the actual count when a lesson is marked as given).
MAX_ACTUAL_PUPILS = 60


class BookingError(DomainError):
    """A booking rule was broken (400); ``field`` names the form field it belongs to, if any."""


class SlotClosed(BookingError):
    pass


class SlotFull(BookingError):
    """No place left; the caller may retry with ``waitlist=True``."""

    status = 409
    code = "full"


class InvalidToken(BookingError, InvalidSignedLink):
    pass


class InvalidTransition(BookingError):
    status = 409


class ChangeClosed(BookingError):
    """The booking can no longer be changed (its slot's booking deadline has passed)."""

    status = 409


@dataclass(frozen=True)
class BookingRequest:
    slot_id: int
    school: School | NewSchool
    contact_name: str
    email: str
    group: int
    pupils: int
    privacy_consent: bool
    idempotency_key: str
    phone: str = ""
    notes: str = ""
    waitlist: bool = False
    #: The slot (with its offering) as the caller already read it, e.g. the form's validated
    #: choice: saves the service reading it again. Only an unlocked read; the service locks it.
    slot: TimeSlot | None = field(default=None, compare=False, repr=False)


@dataclass
class BookingResult:
    booking: Booking
    created: bool
    promoted: list[Booking] = field(default_factory=list)


# --- own contribution -----------------------------------------------------------------------


def school_year_start(day: dt.date) -> int:
    """Dutch school years run from 1 August: 2026-09-01 is in school year 2026-2027."""
    return day.year if day.month >= 8 else day.year - 1


def _rules_for(day: dt.date):
    return OwnContributionRule.objects.filter(school_year_start__lte=school_year_start(day)).order_by(
        "-school_year_start"
    )


def own_contribution_percentage(day: dt.date) -> Decimal:
    """The percentage of the latest rule that started on or before ``day``'s school year (0 if none)."""
    rule = _rules_for(day).first()
    return rule.percentage if rule else Decimal("0")


def own_contribution_subquery(day: dt.date) -> Subquery:
    """:func:`own_contribution_percentage` as a scalar subquery (NULL = 0), to read it with another row."""
    return Subquery(_rules_for(day).values("percentage")[:1])


def amount_owed(offering: LessonOffering, day: dt.date, percentage: Decimal | None = None) -> Decimal:
    """The school's own contribution; ``percentage`` when the caller already read it."""
    if percentage is None:
        percentage = own_contribution_percentage(day)
    amount = offering.price * percentage / Decimal(100)
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- booking --------------------------------------------------------------------------------


def _amounts(pupils: int) -> dict[capacity.Counter, int]:
    return {CLASSES: 1, PUPILS: pupils}


def check_slot_open(slot: TimeSlot, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    if slot.starts_at <= now:
        raise SlotClosed(_("This lesson has already taken place."), field="slot", code="past")
    if not slot.is_open(now):
        raise SlotClosed(_("Booking for this time slot is closed."), field="slot", code="closed")


#: The primary-school groups a class can book for.
GROUPS = tuple(range(3, 9))
_GROUP_NUMBERS = re.compile(r"groep\W*(\d)(?:\D+(\d))?")


def offering_groups(offering: LessonOffering) -> list[int]:
    """The groups (3-8) a lesson is meant for, read from its primary-school target groups.

    "po groep 5/6" (slug ``po-groep-5-6``) means groups 5 and 6. A lesson that names no
    primary-school group is open to every group. The form offers these, and check_group holds them.
    """
    groups: set[int] = set()
    # Read once per offering instance: the form and the service both ask (a no-op when prefetched).
    prefetch_related_objects([offering], "target_groups")
    for term in offering.target_groups.all():
        groups.update(term_groups(term))
    return sorted(groups) or list(GROUPS)


def term_groups(term: TargetGroup) -> set[int]:
    """The bookable groups (3-8) a target group names: "po groep 5/6" gives {5, 6}; others none."""
    found = _GROUP_NUMBERS.search(term.name.lower()) or _GROUP_NUMBERS.search(term.slug)
    if term.level != TargetGroup.Level.PO or not found:
        return set()
    first, last = int(found[1]), int(found[2] or found[1])
    return set(range(first, last + 1)).intersection(GROUPS)


def check_group(group: int, offering: LessonOffering) -> None:
    """The one rule for a class's group: one the lesson is meant for (form, API and admin call it)."""
    allowed = offering_groups(offering)
    if group not in allowed:
        listed = ", ".join(str(n) for n in allowed[:-1])
        groups = f"{listed} {_('and')} {allowed[-1]}" if listed else str(allowed[-1])
        raise BookingError(
            _("This lesson is meant for group %(groups)s.") % {"groups": groups}, field="group", code="group"
        )


def check_pupils(pupils: int, offering: LessonOffering) -> None:
    """The one rule for a class's size: at least 1 pupil, at most the lesson's maximum per class.

    Called by the services, by the booking and change forms (so the page shows it next to the
    field) and so by the API, which validates through those forms.
    """
    if pupils < 1:
        raise BookingError(_("A class has at least 1 pupil."), field="pupils")
    if pupils > offering.max_pupils_per_class:
        raise BookingError(
            _("At most %(max)s pupils per class can take part in this lesson.")
            % {"max": offering.max_pupils_per_class},
            field="pupils",
        )


def _initial_status(offering: LessonOffering) -> str:
    return Booking.Status.REQUESTED if offering.requires_approval else Booking.Status.CONFIRMED


def _booking_with_key(key: str) -> Booking | None:
    return Booking.objects.filter(idempotency_key=key).first()


def _replay(existing: Booking) -> BookingResult:
    """A repeated request gets the first booking; it also heals mails a crash left unqueued."""
    if existing.notifications_pending:
        queue_booking_notifications(existing.pk)
    return BookingResult(existing, created=False)


def book_slot(request: BookingRequest, *, now: dt.datetime | None = None) -> BookingResult:
    """Book a place in a slot, or put the school on its waiting list.

    Idempotent on ``request.idempotency_key``: a repeated call returns the first booking with
    ``created=False``. Raises :class:`SlotClosed`, :class:`SlotFull` (when full and
    ``waitlist`` is false) or :class:`BookingError`.

    Everything that doesn't need the slot lock happens before it (validation, the school) or
    after commit (rendering and queueing the mails, the reference index), so the slot row is
    only locked for: lock (which also reads the own-contribution rule), conditional reserve,
    insert booking, commit. Concurrent bookings of one slot queue on that lock, so its length is
    what limits throughput.

    The idempotency key is not looked up first: the unique index on it refuses a repeated
    request's insert, the transaction (with its reservation) rolls back and the first booking is
    answered. Only a request that is refused (full, closed) looks for an earlier booking with its
    key, so a retry of a request that in fact succeeded never gets the refusal.

    Mail is not lost when the process dies between commit and the on-commit hook: the booking
    is inserted with ``notifications_pending=True`` in the locked transaction, and
    :func:`queue_booking_notifications` clears that flag in the same transaction that writes
    the outbox rows; ``queue_booking_mails`` (cron) and a retried request pick up the rest.
    """
    if not request.privacy_consent:
        raise BookingError(_("You must agree to the privacy statement."), field="privacy_consent")
    # Unlocked reads: an offering or deadline edited between here and the lock is the same as
    # one edited just after this booking commits.
    slot = request.slot
    if slot is None or slot.pk != request.slot_id:
        slot = TimeSlot.objects.select_related("offering").filter(pk=request.slot_id).first()
    if slot is None:
        raise BookingError(_("This time slot does not exist."), field="slot")
    offering = slot.offering
    try:
        check_slot_open(slot, now)
        check_pupils(request.pupils, offering)
        check_group(request.group, offering)
        with transaction.atomic():
            try:
                school = resolve_school(request.school, index=False)  # indexed by the booking's task
            except InvalidSchool as error:
                raise BookingError(error.message, field=error.field, code=error.code) from None
            registered = None if isinstance(request.school, School) else school.pk
            # --- critical section: the slot row stays locked until COMMIT ---------------------
            # The explicit lock (not just the conditional UPDATE) also covers the waiting-list
            # path: a cancellation that frees a place waits for this insert, then promotes it.
            day = slot.date
            slot = capacity.lock(TimeSlot, slot.pk, contribution=own_contribution_subquery(day))
            slot.offering = offering
            check_slot_open(slot, now)  # the locked row's date and deadline (no query)
            percentage = slot.contribution or Decimal("0")
            if school_year_start(slot.date) != school_year_start(day):  # moved meanwhile
                percentage = None
            owed = amount_owed(offering, slot.date, percentage)
            if capacity.reserve(TimeSlot, slot.pk, _amounts(request.pupils)):
                status = _initial_status(offering)
            elif request.waitlist:
                status = Booking.Status.WAITLISTED
            else:
                raise SlotFull(
                    _("This time slot is full. You can sign up for the waiting list."),
                    field="slot",
                    code="full",
                )
            with disable_reference_index_auto_update():  # updated after commit instead
                booking = Booking.objects.create(
                    slot=slot,
                    school=school,
                    contact_name=request.contact_name.strip(),
                    email=request.email.strip(),
                    phone=request.phone.strip(),
                    group=request.group,
                    pupils=request.pupils,
                    notes=request.notes.strip(),
                    privacy_consent=request.privacy_consent,
                    status=status,
                    amount_owed=owed,
                    idempotency_key=request.idempotency_key,
                    notifications_pending=True,
                )
            # The mails and the reference index go to the worker as one task, written with the
            # booking (cms.tasks); if that fails, notifications_pending lets queue_booking_mails retry.
            enqueue_with_write(queue_new_booking_mails, booking.pk, registered)
    except IntegrityError:
        # The key was booked before (a repeated request, or one that raced this one).
        if existing := _booking_with_key(request.idempotency_key):
            return _replay(existing)
        raise
    except BookingError:
        # A refused retry of a request that did book (the slot filled or closed since) gets
        # its booking, not the refusal.
        if existing := _booking_with_key(request.idempotency_key):
            return _replay(existing)
        raise
    return BookingResult(booking, created=True)


def queue_booking_notifications(booking_id: int) -> bool:
    """Queue the mail to the school and the notice to the coordinators of a new booking, once.

    One transaction: the outbox rows are written and ``notifications_pending`` is cleared
    together, so a crash leaves either both mails queued or the flag still set. Returns whether
    it queued anything.
    """
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("slot__offering__techniekhuis", "school")
            .filter(pk=booking_id, notifications_pending=True)
            .first()
        )
        if booking is None:
            return False
        emails.booking_received(booking)
        emails.notify_coordinators(booking, event="new")
        Booking.objects.filter(pk=booking.pk).update(notifications_pending=False)
    return True


def queue_pending_notifications(*, older_than: dt.timedelta = dt.timedelta(minutes=1)) -> batch.Outcome:
    """Queue the mails of bookings whose on-commit hook never ran (a crash), booking by booking.

    ``older_than`` leaves bookings that were committed a moment ago to their own hook. A booking
    whose mails fail keeps ``notifications_pending`` (logged; the next run retries it) and
    never holds up the others.
    """
    due = Booking.objects.filter(
        notifications_pending=True, created_at__lte=timezone.now() - older_than
    ).values_list("pk", flat=True)
    return batch.each(list(due), queue_booking_notifications, what="Booking mails of booking")


def _lock_booking(booking_id: int) -> tuple[Booking, TimeSlot]:
    """Lock slot first, then booking: the same order as :func:`book_slot`, so no deadlocks."""
    slot_id = Booking.objects.filter(pk=booking_id).values_list("slot_id", flat=True).first()
    if slot_id is None:
        raise BookingError(_("This booking does not exist."))
    slot = capacity.lock(TimeSlot, slot_id)
    booking = Booking.objects.select_for_update().get(pk=booking_id)
    booking.slot = slot
    slot.offering = LessonOffering.objects.get(pk=slot.offering_id)
    return booking, slot


def promote_waitlist(slot: TimeSlot) -> list[Booking]:
    """Move waiting bookings into freed places, oldest first. Call with the slot locked."""
    offering = slot.offering

    def try_reserve(entry: Booking) -> bool:
        return capacity.reserve(TimeSlot, slot.pk, _amounts(entry.pupils))

    def on_promoted(entry: Booking) -> None:
        entry.status = _initial_status(offering)
        entry.save(update_fields=["status", "updated_at"])
        emails.booking_received(entry)

    waiting = (
        Booking.objects.select_for_update()
        .filter(slot=slot, status=Booking.Status.WAITLISTED)
        .order_by("created_at", "pk")
    )
    return capacity.promote_waiting(list(waiting), try_reserve, on_promoted)


def capacity_changed(slot_id: int) -> list[Booking]:
    """After staff changed a slot's capacity: give new room to the waiting list."""
    with transaction.atomic():
        slot = capacity.lock(TimeSlot, slot_id)
        slot.offering = LessonOffering.objects.get(pk=slot.offering_id)
        return promote_waitlist(slot)


# --- state changes ---------------------------------------------------------------------------

#: The booking's state machine: each staff action and the statuses it starts from. The services
#: below refuse anything else; the admin offers exactly these actions (cms.bookings.modeladmin).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "confirm": (Booking.Status.REQUESTED, Booking.Status.WAITLISTED),
    "complete": (Booking.Status.CONFIRMED,),
    "cancel": (Booking.Status.REQUESTED, Booking.Status.CONFIRMED, Booking.Status.WAITLISTED),
}


def _refused(booking: Booking, action: str) -> InvalidTransition:
    messages = {
        "confirm": _("A booking that is %(status)s cannot be confirmed."),
        "complete": _("A booking that is %(status)s cannot be completed."),
        "cancel": _("A booking that is %(status)s cannot be cancelled."),
    }
    return InvalidTransition(messages[action] % {"status": booking.get_status_display()})


def check_transition(booking: Booking, action: str) -> None:
    """Raise :class:`InvalidTransition` unless ``action`` may change the booking in its status."""
    if booking.status not in TRANSITIONS[action]:
        raise _refused(booking, action)


def apply_transition(action: str, booking_id: int, **details) -> Booking:
    """Run a staff action of :data:`TRANSITIONS` on a booking (with its mails); ``details`` are the
    action's own fields (``actual_pupils`` for ``complete``)."""
    if action == "cancel":
        return cancel_booking(booking_id).booking
    if action == "complete":
        return complete_booking(booking_id, **details)
    return confirm_booking(booking_id)


def cancel_booking(booking_id: int, *, notify_school: bool = True) -> BookingResult:
    """Cancel a booking, give its place back and promote the waiting list."""
    with transaction.atomic():
        booking, slot = _lock_booking(booking_id)
        check_transition(booking, "cancel")
        held = booking.holds_place
        booking.status = Booking.Status.CANCELLED
        booking.save(update_fields=["status", "updated_at"])
        promoted: list[Booking] = []
        if held:
            capacity.release(TimeSlot, slot.pk, _amounts(booking.pupils))
            promoted = promote_waitlist(slot)
        if notify_school:
            emails.booking_cancelled(booking)
        emails.notify_coordinators(booking, event="cancelled")
    return BookingResult(booking, created=False, promoted=promoted)


def confirm_booking(booking_id: int) -> Booking:
    """Confirm a requested booking (or a waiting one, when a place is free)."""
    with transaction.atomic():
        booking, slot = _lock_booking(booking_id)
        check_transition(booking, "confirm")
        if booking.status == Booking.Status.WAITLISTED and not capacity.reserve(
            TimeSlot, slot.pk, _amounts(booking.pupils)
        ):
            raise SlotFull(_("This time slot is full."), code="full")
        booking.status = Booking.Status.CONFIRMED
        booking.save(update_fields=["status", "updated_at"])
        emails.booking_received(booking)
    return booking


def complete_booking(booking_id: int, actual_pupils: int | str | None = None) -> Booking:
    """Mark a confirmed booking as given ("gegeven"), with the number of pupils that actually came
    (empty: as booked); it then counts in the reach figures. Sends :data:`signals.booking_given`
    after commit."""
    actual = _actual_pupils(actual_pupils)
    with transaction.atomic():
        booking, _slot = _lock_booking(booking_id)
        check_transition(booking, "complete")
        booking.status = Booking.Status.COMPLETED
        booking.actual_pupils = actual
        booking.save(update_fields=["status", "actual_pupils", "updated_at"])
        emails.booking_completed(booking)
        transaction.on_commit(lambda: signals.booking_given.send(sender=Booking, booking=booking))
    return booking


def _actual_pupils(value: int | str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= MAX_ACTUAL_PUPILS:
        raise BookingError(
            _("Give the number of pupils who took part (1 to %(max)d).") % {"max": MAX_ACTUAL_PUPILS},
            field="actual_pupils",
            code="invalid",
        )
    return number


# --- self-service cancel link ---------------------------------------------------------------


def booking_for_token(token: str) -> Booking:
    """The booking a cancel/change link names; raises :class:`InvalidToken` for any bad link."""
    try:
        pk, key = CANCEL_LINK.read(token)
        booking = Booking.objects.select_related("slot__offering", "school").get(
            pk=pk, idempotency_key__startswith=key
        )
    except (InvalidLink, Booking.DoesNotExist):
        raise InvalidToken(_("This cancellation link is not valid."), code="invalid_token") from None
    return booking


def cancel_with_token(token: str, *, now: dt.datetime | None = None) -> BookingResult:
    """Cancel through the link from the confirmation mail; the link works once, and only until the
    lesson starts (afterwards the coordinator handles it: the lesson may have been given)."""
    booking = booking_for_token(token)
    if booking.status == Booking.Status.CANCELLED:
        raise InvalidToken(_("This booking has already been cancelled."), code="used_token")
    if (now or timezone.now()) >= booking.slot.starts_at:
        raise InvalidTransition(
            _("This lesson has already started; contact the techniekhuis about this booking."),
            code="lesson_started",
        )
    try:
        return cancel_booking(booking.pk)
    except InvalidTransition as error:
        raise InvalidToken(error.message, code="used_token") from None


# --- self-service change -------------------------------------------------------------------

#: Statuses a school can still change through its link: those it could still cancel.
CHANGEABLE = TRANSITIONS["cancel"]


@dataclass(frozen=True)
class BookingChanges:
    """What the school wants changed through its link; ``None`` leaves a field as it is."""

    pupils: int | None = None
    contact_name: str | None = None
    phone: str | None = None
    notes: str | None = None
    slot_id: int | None = None


@dataclass
class ChangeResult:
    booking: Booking
    #: Names of the fields that really changed, in a fixed order ("slot" first); empty = no-op.
    changed: list[str] = field(default_factory=list)
    moved_from: TimeSlot | None = None
    promoted: list[Booking] = field(default_factory=list)


def check_changeable(booking: Booking, slot: TimeSlot, now: dt.datetime | None = None) -> None:
    """Raise unless the school may still change ``booking`` (in ``slot``) itself."""
    if booking.status == Booking.Status.CANCELLED:
        raise InvalidToken(_("This booking has already been cancelled."), code="used_token")
    if booking.status not in CHANGEABLE:
        raise InvalidTransition(
            _("A booking that is %(status)s cannot be changed.") % {"status": booking.get_status_display()}
        )
    if (now or timezone.now()) >= slot.closes_at:
        raise ChangeClosed(
            _(
                "The booking deadline of this time slot has passed, so the booking can no longer "
                "be changed. Please contact the techniekhuis."
            ),
            code="deadline",
        )


def _no_room(field_name: str) -> SlotFull:
    if field_name == "slot":
        message = _("The chosen time slot has no room for your class. Choose another time slot.")
    else:
        message = _("There is no room for that many pupils in this time slot.")
    return SlotFull(message, field=field_name, code="full")


def change_booking(token: str, changes: BookingChanges, *, now: dt.datetime | None = None) -> ChangeResult:
    """Change a booking through the signed link from its mail: pupils, contact details, slot.

    One transaction. The slot rows are locked before the booking row (like :func:`book_slot`
    and :func:`cancel_booking`); a move locks both slots in primary-key order, so two moves in
    opposite directions cannot deadlock. Places are reserved before they are released, so a
    refused change leaves everything as it was. Freed places go to the waiting list.

    Raises :class:`InvalidToken` (forged link, cancelled booking), :class:`InvalidTransition`,
    :class:`ChangeClosed` (after the booking deadline), :class:`SlotClosed`, :class:`SlotFull`
    (no room for the change) or :class:`BookingError`. A change that changes nothing returns
    ``changed=[]`` and sends no mail.
    """
    booking = booking_for_token(token)
    check_changeable(booking, booking.slot, now)  # unlocked pre-check: fail fast, re-checked below
    old_id = booking.slot_id
    new_id = changes.slot_id if changes.slot_id is not None else old_id
    with transaction.atomic():
        try:
            slots = {pk: capacity.lock(TimeSlot, pk) for pk in sorted({old_id, new_id})}
        except TimeSlot.DoesNotExist:
            raise BookingError(_("This time slot does not exist."), field="slot") from None
        booking = Booking.objects.select_for_update().select_related("school").get(pk=booking.pk)
        if booking.slot_id != old_id:  # moved by a concurrent change while we waited
            raise InvalidTransition(
                _("Your booking was changed at the same moment. Reload the page and try again."),
                code="conflict",
            )
        old = slots[old_id]
        old.offering = offering = LessonOffering.objects.select_related("techniekhuis").get(
            pk=old.offering_id
        )
        booking.slot = old
        check_changeable(booking, old, now)
        result = ChangeResult(booking)
        held = booking.holds_place
        old_pupils = booking.pupils
        pupils = changes.pupils if changes.pupils is not None else booking.pupils
        check_pupils(pupils, offering)

        if new_id != old_id:
            new = slots[new_id]
            if new.offering_id != old.offering_id:
                raise BookingError(
                    _("You can only move to another time slot of the same lesson."), field="slot"
                )
            new.offering = offering
            check_slot_open(new, now)
            # Reserve first: when the new slot has no room, nothing has been touched.
            if not capacity.reserve(TimeSlot, new.pk, _amounts(pupils)):
                raise _no_room("slot")
            if held:
                capacity.release(TimeSlot, old.pk, _amounts(booking.pupils))
            else:  # a waiting booking that moves to a slot with room gets its place there
                booking.status = _initial_status(offering)
            if school_year_start(new.date) != school_year_start(old.date):
                booking.amount_owed = amount_owed(offering, new.date)
            booking.slot = new
            booking.reminder_sent_at = None  # the reminder is for the new date
            result.changed.append("slot")
            result.moved_from = old
        elif pupils != booking.pupils and held:
            extra = pupils - booking.pupils
            if extra > 0 and not capacity.reserve(TimeSlot, old.pk, {PUPILS: extra}):
                raise _no_room("pupils")
            if extra < 0:
                capacity.release(TimeSlot, old.pk, {PUPILS: -extra})

        if pupils != booking.pupils:
            booking.pupils = pupils
            result.changed.append("pupils")
        for name in ("contact_name", "phone", "notes"):
            value = getattr(changes, name)
            if value is None or value.strip() == getattr(booking, name):
                continue
            if name == "contact_name" and not value.strip():
                raise BookingError(_("Fill in the contact person."), field="contact_name")
            setattr(booking, name, value.strip())
            result.changed.append(name)
        if not result.changed:
            return result

        booking.save()
        # The old slot's waiting list moves up when places were freed there, or when a waiting
        # booking in it now needs fewer places.
        if result.moved_from is not None and held:
            result.promoted = promote_waitlist(old)
        elif pupils < old_pupils and (held or booking.status == Booking.Status.WAITLISTED):
            result.promoted = promote_waitlist(old)
            booking.refresh_from_db(fields=["status", "updated_at"])
        emails.booking_changed(booking, result.changed, moved_from=result.moved_from)
        emails.notify_coordinators(booking, event="changed")
    return result


# --- reminders ------------------------------------------------------------------------------


def send_reminders(*, days_ahead: int = 3, today: dt.date | None = None) -> batch.Outcome:
    """Queue a reminder for every confirmed booking whose lesson is within ``days_ahead`` days.

    Idempotent: a booking gets one reminder (``reminder_sent_at``). Booking by booking: one that
    fails is logged and tried again on the next run.
    """
    today = today or timezone.localdate()
    due = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        slot__date__gte=today,
        slot__date__lte=today + dt.timedelta(days=days_ahead),
    ).values_list("pk", flat=True)
    return batch.each(list(due), _send_reminder, what="Reminder for booking")


def _send_reminder(booking_id: int) -> bool:
    booking = (
        Booking.objects.select_for_update().select_related("slot__offering", "school").get(pk=booking_id)
    )
    if booking.reminder_sent_at or booking.status != Booking.Status.CONFIRMED:
        return False
    emails.booking_reminder(booking)
    booking.reminder_sent_at = timezone.now()
    booking.save(update_fields=["reminder_sent_at"])
    return True


# --- tasks: the worker runs these services (enqueued above, with the write or on commit) ---
@task()
def queue_new_booking_mails(booking_id: int, registered_school_id: int | None = None) -> bool:
    """Render and queue a new booking's mails, update its reference index and the search index of
    the school it registered (enqueued with the booking): one task row per booking instead of three
    keeps the request short."""
    queued = queue_booking_notifications(booking_id)
    try:
        update_reference_index_task.call(Booking._meta.app_label, Booking._meta.model_name, str(booking_id))
    except Exception:
        logger.exception("Reference index for booking %s not updated", booking_id)
    if registered_school_id:
        try:
            index_school(registered_school_id)
        except Exception:
            logger.exception("Search index for school %s not updated", registered_school_id)
    return queued
