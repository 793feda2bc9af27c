"""Booking rules: capacity, waiting list, state changes and the own contribution.

Every public function is one transaction. Capacity is reserved with a conditional UPDATE on the
slot row after locking it (see :mod:`cms.bookings.capacity`); mail is queued in the same
transaction through the outbox, so it is sent after commit and retried when SMTP is down.
Errors are domain exceptions (:class:`BookingError` and subclasses) that the form view and
the API turn into field errors, 400 or 409.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.snippets.models import School
from cms.snippets.validators import normalize_brin, normalize_postcode

from . import capacity, emails
from .models import Booking, LessonOffering, OwnContributionRule, TimeSlot

logger = logging.getLogger(__name__)

CLASSES = capacity.Counter("booked_classes", "capacity_classes")
PUPILS = capacity.Counter("booked_pupils", "capacity_pupils")
CANCEL_SALT = "cms.bookings.cancel"


class BookingError(Exception):
    """A booking rule was broken; ``field`` names the form field it belongs to, if any."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code


class SlotClosed(BookingError):
    pass


class SlotFull(BookingError):
    """No place left; the caller may retry with ``waitlist=True``."""

    status_code = 409


class InvalidToken(BookingError):
    pass


class InvalidTransition(BookingError):
    status_code = 409


@dataclass(frozen=True)
class NewSchool:
    name: str
    brin_code: str
    postcode: str
    street: str = ""
    city: str = ""


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


@dataclass
class BookingResult:
    booking: Booking
    created: bool
    promoted: list[Booking] = field(default_factory=list)


# --- own contribution -----------------------------------------------------------------------


def school_year_start(day: dt.date) -> int:
    """Dutch school years run from 1 August: 2026-09-01 is in school year 2026-2027."""
    return day.year if day.month >= 8 else day.year - 1


def own_contribution_percentage(day: dt.date) -> Decimal:
    """The percentage of the latest rule that started on or before ``day``'s school year (0 if none)."""
    rule = (
        OwnContributionRule.objects.filter(school_year_start__lte=school_year_start(day))
        .order_by("-school_year_start")
        .first()
    )
    return rule.percentage if rule else Decimal("0")


def amount_owed(offering: LessonOffering, day: dt.date) -> Decimal:
    amount = offering.price * own_contribution_percentage(day) / Decimal(100)
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


def _resolve_school(school: School | NewSchool) -> School:
    if isinstance(school, School):
        return school
    brin = normalize_brin(school.brin_code)
    existing = School.objects.filter(brin_code=brin).first()
    if existing:
        return existing
    new = School(
        name=school.name.strip(),
        brin_code=brin,
        school_type=School.SchoolType.PO,
        street=school.street.strip(),
        postcode=normalize_postcode(school.postcode),
        city=school.city.strip(),
    )
    new.full_clean()
    try:
        with transaction.atomic():
            new.save()
    except IntegrityError:  # someone registered the same BRIN a moment ago
        return School.objects.get(brin_code=brin)
    return new


def _initial_status(offering: LessonOffering) -> str:
    return Booking.Status.REQUESTED if offering.requires_approval else Booking.Status.CONFIRMED


def book_slot(request: BookingRequest, *, now: dt.datetime | None = None) -> BookingResult:
    """Book a place in a slot, or put the school on its waiting list.

    Idempotent on ``request.idempotency_key``: a repeated call returns the first booking with
    ``created=False``. Raises :class:`SlotClosed`, :class:`SlotFull` (when full and
    ``waitlist`` is false) or :class:`BookingError`.
    """
    if existing := Booking.objects.filter(idempotency_key=request.idempotency_key).first():
        return BookingResult(existing, created=False)
    if not request.privacy_consent:
        raise BookingError(_("You must agree to the privacy statement."), field="privacy_consent")
    try:
        with transaction.atomic():
            try:
                slot = capacity.lock(TimeSlot, request.slot_id)
            except TimeSlot.DoesNotExist:
                raise BookingError(_("This time slot does not exist."), field="slot") from None
            # A concurrent retry may have committed while we waited for the lock.
            if existing := Booking.objects.filter(idempotency_key=request.idempotency_key).first():
                return BookingResult(existing, created=False)
            offering = LessonOffering.objects.get(pk=slot.offering_id)
            slot.offering = offering
            check_slot_open(slot, now)
            if request.pupils > offering.max_pupils_per_class:
                raise BookingError(
                    _("At most %(max)s pupils per class can take part in this lesson.")
                    % {"max": offering.max_pupils_per_class},
                    field="pupils",
                )
            school = _resolve_school(request.school)
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
                amount_owed=amount_owed(offering, slot.date),
                idempotency_key=request.idempotency_key,
            )
            emails.booking_received(booking)
            emails.notify_coordinators(booking, event="new")
    except IntegrityError:
        # Two requests with one key raced past the first check; the loser reports the winner.
        if existing := Booking.objects.filter(idempotency_key=request.idempotency_key).first():
            return BookingResult(existing, created=False)
        raise
    return BookingResult(booking, created=True)


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


def cancel_booking(booking_id: int, *, notify_school: bool = True) -> BookingResult:
    """Cancel a booking, give its place back and promote the waiting list."""
    with transaction.atomic():
        booking, slot = _lock_booking(booking_id)
        if booking.status in (Booking.Status.CANCELLED, Booking.Status.COMPLETED):
            raise InvalidTransition(
                _("A booking that is %(status)s cannot be cancelled.")
                % {"status": booking.get_status_display()}
            )
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
        if booking.status == Booking.Status.WAITLISTED:
            if not capacity.reserve(TimeSlot, slot.pk, _amounts(booking.pupils)):
                raise SlotFull(_("This time slot is full."), code="full")
        elif booking.status != Booking.Status.REQUESTED:
            raise InvalidTransition(
                _("A booking that is %(status)s cannot be confirmed.")
                % {"status": booking.get_status_display()}
            )
        booking.status = Booking.Status.CONFIRMED
        booking.save(update_fields=["status", "updated_at"])
        emails.booking_received(booking)
    return booking


def complete_booking(booking_id: int) -> Booking:
    """Mark a confirmed booking as given; it then counts in the reach figures."""
    with transaction.atomic():
        booking, _slot = _lock_booking(booking_id)
        if booking.status != Booking.Status.CONFIRMED:
            raise InvalidTransition(
                _("A booking that is %(status)s cannot be completed.")
                % {"status": booking.get_status_display()}
            )
        booking.status = Booking.Status.COMPLETED
        booking.save(update_fields=["status", "updated_at"])
        emails.booking_completed(booking)
    return booking


# --- self-service cancel link ---------------------------------------------------------------


def make_cancel_token(booking: Booking) -> str:
    """A signed token naming the booking; part of its idempotency key binds it to this very row."""
    return signing.dumps({"b": booking.pk, "k": booking.idempotency_key[:12]}, salt=CANCEL_SALT)


def booking_for_token(token: str) -> Booking:
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
        booking = Booking.objects.select_related("slot__offering", "school").get(
            pk=int(data["b"]), idempotency_key__startswith=str(data["k"])
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, Booking.DoesNotExist):
        raise InvalidToken(_("This cancellation link is not valid."), code="invalid_token") from None
    return booking


def cancel_with_token(token: str) -> BookingResult:
    """Cancel through the link from the confirmation mail; the link works once."""
    booking = booking_for_token(token)
    if booking.status == Booking.Status.CANCELLED:
        raise InvalidToken(_("This booking has already been cancelled."), code="used_token")
    try:
        return cancel_booking(booking.pk)
    except InvalidTransition as error:
        raise InvalidToken(error.message, code="used_token") from None


# --- reminders ------------------------------------------------------------------------------


def send_reminders(*, days_ahead: int = 3, today: dt.date | None = None) -> int:
    """Queue a reminder for every confirmed booking whose lesson is within ``days_ahead`` days.

    Idempotent: a booking gets one reminder (``reminder_sent_at``).
    """
    today = today or timezone.localdate()
    due = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        slot__date__gte=today,
        slot__date__lte=today + dt.timedelta(days=days_ahead),
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update().select_related("slot__offering", "school").get(pk=pk)
            )
            if booking.reminder_sent_at or booking.status != Booking.Status.CONFIRMED:
                continue
            emails.booking_reminder(booking)
            booking.reminder_sent_at = timezone.now()
            booking.save(update_fields=["reminder_sent_at"])
            sent += 1
    return sent
