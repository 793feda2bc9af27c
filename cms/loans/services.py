"""Loan rules: periods, availability, reserving a copy, changes, check-out/in, waiting list, vouchers.

The one rule everything here protects: a copy is never held by two reservations whose periods
(pick-up day up to the return day plus the item's buffer days, ``blocked_until``) overlap.
:func:`reserve` and every other service that gives a copy a period run inside
``transaction.atomic()`` with the item's row locked first (``select_for_update``: on PostgreSQL
concurrent reservations of one item queue on that lock; SQLite runs every transaction as
``BEGIN IMMEDIATE``, see ``cms/settings/base.py``, so writers take turns), then look for a free
copy and insert. Lock order is always item, then reservation rows, so services cannot deadlock.

Mail goes through the outbox inside the same transaction (sent after commit, retried when SMTP is
down). Errors are :class:`LoanError` subclasses (:class:`cms.errors.DomainError`) that the form
views and the one API handler turn into field errors, 400 or 409.
"""

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import batch
from cms.errors import DomainError, InvalidSignedLink
from cms.participation import capacity
from cms.signed_links import InvalidLink
from cms.snippets.models import School
from cms.snippets.services import InvalidSchool, NewSchool, resolve_school

from . import emails
from .models import Copy, LendableItem, LoanVoucher, PickupPoint, Reservation, WaitingListEntry
from .reporting import lent_reservations
from .tokens import MANAGE_LINK

logger = logging.getLogger(__name__)

#: Weeks the public calendar shows, and how far ahead a loan can start.
CALENDAR_WEEKS = 12
HORIZON_WEEKS = 52
#: Hours a school has to accept a copy offered from the waiting list (``LOANS_OFFER_HOURS``).
DEFAULT_OFFER_HOURS = 48

FREE_LOANS = capacity.Counter("used_loans", "free_loans")


class LoanError(DomainError):
    """A loan rule was broken (400); ``field`` names the form field it belongs to, if any."""


class NoCopyAvailable(LoanError):
    """Every copy is taken in that period; the caller may retry with ``waitlist=True``."""

    status = 409
    code = "unavailable"


class InvalidToken(LoanError, InvalidSignedLink):
    pass


class InvalidTransition(LoanError):
    status = 409


class UnknownCopy(LoanError):
    code = "unknown_copy"
    field = "inventory_number"


# --- periods --------------------------------------------------------------------------------


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def loan_period(start_week: dt.date, weeks: int) -> tuple[dt.date, dt.date]:
    """Pick-up on the Monday of the first week, return on the Friday of the last week."""
    pickup = monday(start_week)
    return pickup, pickup + dt.timedelta(days=7 * weeks - 3)


def blocked_until(item: LendableItem, return_date: dt.date) -> dt.date:
    return return_date + dt.timedelta(days=item.buffer_days)


def school_year_start(day: dt.date) -> int:
    """Dutch school years run from 1 August: 2026-09-01 is in school year 2026-2027."""
    return day.year if day.month >= 8 else day.year - 1


def check_period(item: LendableItem, start_week: dt.date, weeks: int, today: dt.date | None = None) -> None:
    """The loan-period rules: length within the item's minimum and maximum, lead time, horizon."""
    today = today or timezone.localdate()
    if weeks < item.min_weeks or weeks > item.max_weeks:
        raise LoanError(
            _("This kit can be borrowed for %(min)s to %(max)s weeks.")
            % {"min": item.min_weeks, "max": item.max_weeks},
            field="weeks",
            code="weeks",
        )
    pickup, _return = loan_period(start_week, weeks)
    if pickup < today + dt.timedelta(days=item.lead_time_days):
        raise LoanError(
            _("Reserve at least %(days)s days before the pick-up day.") % {"days": item.lead_time_days},
            field="start_week",
            code="lead_time",
        )
    if pickup > today + dt.timedelta(weeks=HORIZON_WEEKS):
        raise LoanError(_("You can reserve at most a year ahead."), field="start_week", code="horizon")


def holding(queryset: QuerySet[Reservation] | None = None) -> QuerySet[Reservation]:
    return (queryset if queryset is not None else Reservation.objects.all()).filter(
        status__in=Reservation.HOLDING
    )


def overlapping(start: dt.date, end: dt.date) -> Q:
    """Reservations whose blocked period shares a day with ``start``..``end`` (inclusive)."""
    return Q(pickup_date__lte=end, blocked_until__gte=start)


def free_copy(
    item: LendableItem,
    pickup_point_id: int | None,
    pickup: dt.date,
    until: dt.date,
    *,
    exclude_reservation: int | None = None,
    prefer_copy: int | None = None,
) -> Copy | None:
    """A copy of ``item`` (at the pick-up point, if given) in service and free from ``pickup`` to ``until``."""
    copies = Copy.objects.filter(item=item, status=Copy.Status.IN_SERVICE).select_related("pickup_point")
    if pickup_point_id is not None:
        copies = copies.filter(pickup_point_id=pickup_point_id)
    busy = holding().filter(overlapping(pickup, until), copy__item=item)
    if exclude_reservation is not None:
        busy = busy.exclude(pk=exclude_reservation)
    copies = copies.exclude(pk__in=busy.values("copy_id")).order_by("inventory_number")
    if prefer_copy is not None and (preferred := copies.filter(pk=prefer_copy).first()):
        return preferred
    return copies.first()


# --- availability ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekAvailability:
    monday: dt.date
    free: int
    total: int
    open: bool  #: False: before the lead time, a loan cannot start this week any more


@dataclass
class PointAvailability:
    pickup_point: PickupPoint
    weeks: list[WeekAvailability]

    @property
    def any_free(self) -> bool:
        return any(week.free and week.open for week in self.weeks)


def availability_many(
    item_ids: list[int], *, weeks: int = CALENDAR_WEEKS, today: dt.date | None = None
) -> dict[int, list[PointAvailability]]:
    """Per item, per pick-up point, per week: how many copies a one-week loan starting that Monday could get.

    Three queries whatever the number of items (items, copies, reservations in the window); the
    calendar itself is computed in Python.
    """
    today = today or timezone.localdate()
    first = monday(today)
    mondays = [first + dt.timedelta(weeks=n) for n in range(weeks)]
    items = {
        pk: (buffer, lead)
        for pk, buffer, lead in LendableItem.objects.filter(pk__in=item_ids, active=True).values_list(
            "pk", "buffer_days", "lead_time_days"
        )
    }
    copies = list(
        Copy.objects.filter(item_id__in=items, status=Copy.Status.IN_SERVICE)
        .order_by("inventory_number")
        .values_list("pk", "item_id", "pickup_point_id")
    )
    points = {point.pk: point for point in PickupPoint.objects.filter(pk__in={c[2] for c in copies})}
    window_end = mondays[-1] + dt.timedelta(days=4 + max((b for b, _lead in items.values()), default=0))
    busy: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for copy_id, start, end in (
        holding()
        .filter(overlapping(first, window_end), copy__item_id__in=items)
        .values_list("copy_id", "pickup_date", "blocked_until")
    ):
        busy[copy_id].append((start, end))

    # counts[item][point] = [free per week], totals[item][point] = copies
    counts: dict[int, dict[int, list[int]]] = defaultdict(dict)
    totals: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for copy_id, item_id, point_id in copies:
        free = counts[item_id].setdefault(point_id, [0] * weeks)
        totals[item_id][point_id] += 1
        blocked = [False] * weeks
        reach = 4 + items[item_id][0]  # a one-week loan blocks Monday up to Friday plus the buffer
        for start, end in busy.get(copy_id, ()):
            # week n is blocked when start <= monday_n + reach and end >= monday_n
            low = max(0, -(((first - start).days + reach) // 7))  # ceil(((start - first) - reach) / 7)
            high = min(weeks - 1, (end - first).days // 7)
            for n in range(low, high + 1):
                blocked[n] = True
        for n in range(weeks):
            if not blocked[n]:
                free[n] += 1
    answer: dict[int, list[PointAvailability]] = {pk: [] for pk in items}
    for item_id, per_point in counts.items():
        lead = today + dt.timedelta(days=items[item_id][1])
        for point_id, free in sorted(per_point.items(), key=lambda entry: points[entry[0]].name):
            total = totals[item_id][point_id]
            answer[item_id].append(
                PointAvailability(
                    points[point_id],
                    [
                        WeekAvailability(week, count, total, week >= lead)
                        for week, count in zip(mondays, free, strict=True)
                    ],
                )
            )
    return answer


def availability(item: LendableItem, **kwargs) -> list[PointAvailability]:
    """The free-weeks calendar of one item per pick-up point (see :func:`availability_many`)."""
    return availability_many([item.pk], **kwargs).get(item.pk, [])


def lendable_items() -> QuerySet[LendableItem]:
    """Items schools can borrow: active, with at least one copy in service."""
    return (
        LendableItem.objects.filter(active=True, copies__status=Copy.Status.IN_SERVICE)
        .distinct()
        .order_by("title")
    )


# --- vouchers -------------------------------------------------------------------------------


def voucher_for(school: School, day: dt.date) -> LoanVoucher | None:
    return LoanVoucher.objects.filter(school=school, school_year_start=school_year_start(day)).first()


def _spend_voucher(reservation: Reservation, item: LendableItem) -> None:
    """A free loan if the school has one left this school year, else the fee from its budget if it fits."""
    voucher = voucher_for(reservation.school, reservation.pickup_date)
    reservation.amount_owed = item.fee
    if voucher is None:
        return
    if capacity.reserve(LoanVoucher, voucher.pk, {FREE_LOANS: 1}):
        reservation.voucher, reservation.amount_owed = voucher, Decimal("0.00")
    elif item.fee and LoanVoucher.objects.filter(pk=voucher.pk, spent__lte=voucher.budget - item.fee).update(
        spent=voucher.spent + item.fee
    ):
        reservation.voucher, reservation.voucher_amount = voucher, item.fee
        reservation.amount_owed = Decimal("0.00")


def _refund_voucher(reservation: Reservation) -> None:
    if reservation.voucher_id is None:
        return
    voucher = LoanVoucher.objects.select_for_update().get(pk=reservation.voucher_id)
    if reservation.voucher_amount:
        voucher.spent = max(voucher.spent - reservation.voucher_amount, Decimal("0.00"))
        LoanVoucher.objects.filter(pk=voucher.pk).update(spent=voucher.spent)
    else:
        capacity.release(LoanVoucher, voucher.pk, {FREE_LOANS: 1})
    reservation.voucher, reservation.voucher_amount = None, Decimal("0.00")


# --- reserving ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoanRequest:
    item_id: int
    pickup_point_id: int | None
    start_week: dt.date
    weeks: int
    school: School | NewSchool
    contact_name: str
    email: str
    privacy_consent: bool
    idempotency_key: str
    phone: str = ""
    notes: str = ""
    waitlist: bool = False


@dataclass
class LoanResult:
    reservation: Reservation | None
    created: bool
    waiting: WaitingListEntry | None = None


def _lock_item(item_id: int) -> LendableItem:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock the item inside transaction.atomic()")
    return LendableItem.objects.select_for_update().get(pk=item_id)


def _existing(key: str) -> LoanResult | None:
    if reservation := Reservation.objects.filter(idempotency_key=key).first():
        return LoanResult(reservation, created=False)
    if entry := WaitingListEntry.objects.filter(idempotency_key=key).first():
        return LoanResult(None, created=False, waiting=entry)
    return None


def reserve(request: LoanRequest, *, today: dt.date | None = None) -> LoanResult:
    """Reserve a free copy of an item for a period, or put the school on the waiting list.

    Idempotent on ``request.idempotency_key``. Raises :class:`LoanError` (bad input, lead time,
    length), :class:`NoCopyAvailable` (every copy taken and ``waitlist`` false).
    """
    if existing := _existing(request.idempotency_key):
        return existing
    if not request.privacy_consent:
        raise LoanError(_("You must agree to the privacy statement."), field="privacy_consent")
    item = LendableItem.objects.filter(pk=request.item_id, active=True).first()
    if item is None:
        raise LoanError(_("This kit cannot be borrowed."), field="item", code="item")
    if (
        request.pickup_point_id is not None
        and not Copy.objects.filter(item=item, pickup_point_id=request.pickup_point_id).exists()
    ):
        raise LoanError(_("This kit is not lent from that pick-up point."), field="pickup_point")
    check_period(item, request.start_week, request.weeks, today)
    pickup, return_date = loan_period(request.start_week, request.weeks)
    try:
        with transaction.atomic():
            try:
                school = resolve_school(request.school)
            except InvalidSchool as error:
                raise LoanError(error.message, field=error.field, code=error.code) from None
            # --- critical section: the item row stays locked until COMMIT ----------------------
            item = _lock_item(item.pk)
            if existing := _existing(request.idempotency_key):
                return existing
            until = blocked_until(item, return_date)
            copy = free_copy(item, request.pickup_point_id, pickup, until)
            details = {
                "item": item,
                "school": school,
                "contact_name": request.contact_name.strip(),
                "email": request.email.strip(),
                "phone": request.phone.strip(),
                "pickup_date": pickup,
                "return_date": return_date,
                "idempotency_key": request.idempotency_key,
            }
            if copy is None:
                if not request.waitlist:
                    raise NoCopyAvailable(
                        _("No copy is free in this period. You can join the waiting list."),
                        field="start_week",
                    )
                entry = WaitingListEntry.objects.create(pickup_point_id=request.pickup_point_id, **details)
                emails.waitlisted(entry)
                return LoanResult(None, created=True, waiting=entry)
            reservation = Reservation(
                copy=copy,
                blocked_until=until,
                notes=request.notes.strip(),
                privacy_consent=True,
                status=Reservation.Status.REQUESTED
                if item.requires_approval
                else Reservation.Status.CONFIRMED,
                **details,
            )
            _spend_voucher(reservation, item)
            reservation.save()
            emails.reservation_received(reservation)
    except IntegrityError:
        # Two requests with one key raced past the first check; the loser reports the winner.
        if existing := _existing(request.idempotency_key):
            return existing
        raise
    return LoanResult(reservation, created=True)


# --- signed link: change, cancel, accept an offer ------------------------------------------


def reservation_for_token(token: str) -> Reservation:
    try:
        pk, key = MANAGE_LINK.read(token)
        return Reservation.objects.select_related("item", "copy__pickup_point", "school").get(
            pk=pk, idempotency_key__startswith=key
        )
    except (InvalidLink, Reservation.DoesNotExist):
        raise InvalidToken(_("This link is not valid."), code="invalid_token") from None


def _lock_reservation(reservation_id: int) -> tuple[Reservation, LendableItem]:
    """Lock the item first, then the reservation: the order of :func:`reserve`, so no deadlocks."""
    item_id = Reservation.objects.filter(pk=reservation_id).values_list("item_id", flat=True).first()
    if item_id is None:
        raise LoanError(_("This reservation does not exist."))
    item = _lock_item(item_id)
    reservation = (
        Reservation.objects.select_for_update(of=("self",))
        .select_related("copy__pickup_point", "school")
        .get(pk=reservation_id)
    )
    reservation.item = item
    return reservation, item


def _check_changeable(reservation: Reservation, today: dt.date) -> None:
    if reservation.status == Reservation.Status.CANCELLED:
        raise InvalidToken(_("This reservation has already been cancelled."), code="used_token")
    if reservation.status not in Reservation.CHANGEABLE or reservation.pickup_date <= today:
        raise InvalidTransition(
            _("This reservation can no longer be changed; please contact the pick-up point."),
            code="not_changeable",
        )


@dataclass(frozen=True)
class LoanChanges:
    """What the school wants changed through its link; ``None`` leaves a field as it is."""

    start_week: dt.date | None = None
    weeks: int | None = None
    contact_name: str | None = None
    phone: str | None = None
    notes: str | None = None


@dataclass
class ChangeResult:
    reservation: Reservation
    changed: list[str] = field(default_factory=list)


def change_reservation(token: str, changes: LoanChanges, *, today: dt.date | None = None) -> ChangeResult:
    """Change the period or contact details through the signed link, until the pick-up day.

    A new period keeps the copy when it is free then, else takes another free copy at the same
    pick-up point; when none is free, nothing changes (:class:`NoCopyAvailable`).
    """
    today = today or timezone.localdate()
    reservation = reservation_for_token(token)
    _check_changeable(reservation, today)
    with transaction.atomic():
        reservation, item = _lock_reservation(reservation.pk)
        _check_changeable(reservation, today)
        result = ChangeResult(reservation)
        start_week = changes.start_week or reservation.pickup_date
        weeks = changes.weeks or reservation.weeks
        pickup, return_date = loan_period(start_week, weeks)
        freed = False
        if (pickup, return_date) != (reservation.pickup_date, reservation.return_date):
            check_period(item, start_week, weeks, today)
            until = blocked_until(item, return_date)
            copy = free_copy(
                item,
                reservation.copy.pickup_point_id,
                pickup,
                until,
                exclude_reservation=reservation.pk,
                prefer_copy=reservation.copy_id,
            )
            if copy is None:
                raise NoCopyAvailable(_("No copy is free in the new period."), field="start_week")
            freed = (
                pickup > reservation.pickup_date
                or until < reservation.blocked_until
                or copy.pk != reservation.copy_id
            )
            old_year = school_year_start(reservation.pickup_date)
            reservation.copy, reservation.pickup_date, reservation.return_date = copy, pickup, return_date
            reservation.blocked_until = until
            reservation.pickup_reminder_sent_at = reservation.return_reminder_sent_at = None
            if school_year_start(pickup) != old_year:
                _refund_voucher(reservation)
                _spend_voucher(reservation, item)
            result.changed.append("period")
        for name in ("contact_name", "phone", "notes"):
            value = getattr(changes, name)
            if value is None or value.strip() == getattr(reservation, name):
                continue
            if name == "contact_name" and not value.strip():
                raise LoanError(_("Fill in the contact person."), field="contact_name")
            setattr(reservation, name, value.strip())
            result.changed.append(name)
        if not result.changed:
            return result
        reservation.save()
        emails.reservation_changed(reservation, result.changed)
        if freed:
            offer_waiting_list(item)
    return result


def cancel_reservation(reservation_id: int, *, notify: bool = True, reason: str = "") -> Reservation:
    """Cancel a reservation that has not been picked up; its voucher loan comes back; the waiting list moves."""
    with transaction.atomic():
        reservation, item = _lock_reservation(reservation_id)
        if reservation.status not in Reservation.CHANGEABLE:
            raise InvalidTransition(
                _("A reservation that is %(status)s cannot be cancelled.")
                % {"status": reservation.get_status_display()}
            )
        reservation.status = Reservation.Status.CANCELLED
        _refund_voucher(reservation)
        reservation.save()
        if notify:
            emails.reservation_cancelled(reservation, reason=reason)
        if entry := WaitingListEntry.objects.filter(reservation=reservation).first():
            entry.status = WaitingListEntry.Status.CANCELLED
            entry.save(update_fields=["status"])
        offer_waiting_list(item)
    return reservation


def cancel_with_token(token: str, *, today: dt.date | None = None) -> Reservation:
    reservation = reservation_for_token(token)
    _check_changeable(reservation, today or timezone.localdate())
    return cancel_reservation(reservation.pk)


def accept_offer(token: str, *, now: dt.datetime | None = None) -> Reservation:
    """The school takes the copy offered from the waiting list (before the offer's deadline)."""
    reservation = reservation_for_token(token)
    with transaction.atomic():
        reservation, item = _lock_reservation(reservation.pk)
        if reservation.status != Reservation.Status.OFFERED:
            raise InvalidTransition(_("This offer is no longer open."), code="not_offered")
        if (now or timezone.now()) > reservation.offer_expires_at:
            raise InvalidTransition(_("This offer has expired."), code="offer_expired")
        reservation.status = (
            Reservation.Status.REQUESTED if item.requires_approval else Reservation.Status.CONFIRMED
        )
        reservation.offer_expires_at = None
        _spend_voucher(reservation, item)
        reservation.save()
        WaitingListEntry.objects.filter(reservation=reservation).update(
            status=WaitingListEntry.Status.ACCEPTED
        )
        emails.reservation_received(reservation)
    return reservation


def report_pupils(token: str, pupils: int) -> Reservation:
    """The teacher tells how many pupils worked with the kit (counts in the funders' figures)."""
    if pupils < 1 or pupils > 1000:
        raise LoanError(_("Fill in a number of pupils between 1 and 1000."), field="pupils_reached")
    reservation = reservation_for_token(token)
    if reservation.status not in (
        Reservation.Status.PICKED_UP,
        Reservation.Status.OVERDUE,
        Reservation.Status.RETURNED,
    ):
        raise InvalidTransition(_("You can give the number of pupils once you have picked up the kit."))
    Reservation.objects.filter(pk=reservation.pk).update(pupils_reached=pupils, updated_at=timezone.now())
    reservation.pupils_reached = pupils
    return reservation


# --- waiting list ---------------------------------------------------------------------------


def offer_hours() -> int:
    return getattr(settings, "LOANS_OFFER_HOURS", DEFAULT_OFFER_HOURS)


def offer_waiting_list(item: LendableItem, *, now: dt.datetime | None = None) -> list[Reservation]:
    """Offer freed copies to waiting schools, first come first served; call with the item locked.

    Each offer is a reservation in status ``offered`` that holds the copy until its deadline; the
    school accepts it through the link in the offer mail (:func:`accept_offer`).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    offered = []
    waiting = WaitingListEntry.objects.select_for_update().filter(
        item=item, status=WaitingListEntry.Status.WAITING
    )
    for entry in waiting.order_by("created_at", "pk"):
        if entry.pickup_date <= today:
            entry.status = WaitingListEntry.Status.EXPIRED
            entry.save(update_fields=["status"])
            continue
        until = blocked_until(item, entry.return_date)
        copy = free_copy(item, entry.pickup_point_id, entry.pickup_date, until)
        if copy is None:
            continue
        reservation = Reservation.objects.create(
            item=item,
            copy=copy,
            school_id=entry.school_id,
            contact_name=entry.contact_name,
            email=entry.email,
            phone=entry.phone,
            pickup_date=entry.pickup_date,
            return_date=entry.return_date,
            blocked_until=until,
            status=Reservation.Status.OFFERED,
            offer_expires_at=now + dt.timedelta(hours=offer_hours()),
            privacy_consent=True,
            amount_owed=item.fee,
        )
        entry.status, entry.reservation = WaitingListEntry.Status.OFFERED, reservation
        entry.save(update_fields=["status", "reservation"])
        emails.offer(reservation)
        offered.append(reservation)
    return offered


def expire_offers(*, now: dt.datetime | None = None) -> batch.Outcome:
    """Cancel offers past their deadline and offer the copy to the next school (cron, item by item)."""
    now = now or timezone.now()
    due = Reservation.objects.filter(status=Reservation.Status.OFFERED, offer_expires_at__lt=now)
    return batch.each(list(due.values_list("pk", flat=True)), lambda pk: _expire_offer(pk, now), what="Offer")


def _expire_offer(reservation_id: int, now: dt.datetime) -> bool:
    with transaction.atomic():
        reservation, item = _lock_reservation(reservation_id)
        if reservation.status != Reservation.Status.OFFERED or reservation.offer_expires_at >= now:
            return False
        reservation.status = Reservation.Status.CANCELLED
        reservation.save(update_fields=["status", "updated_at"])
        WaitingListEntry.objects.filter(reservation=reservation).update(
            status=WaitingListEntry.Status.EXPIRED
        )
        emails.offer_expired(reservation)
        offer_waiting_list(item, now=now)
    return True


# --- coordinators: approve, check out, check in, out of service -----------------------------


def confirm_reservation(reservation_id: int) -> Reservation:
    """The coordinator approves a requested reservation."""
    with transaction.atomic():
        reservation, _item = _lock_reservation(reservation_id)
        if reservation.status != Reservation.Status.REQUESTED:
            raise InvalidTransition(
                _("A reservation that is %(status)s cannot be confirmed.")
                % {"status": reservation.get_status_display()}
            )
        reservation.status = Reservation.Status.CONFIRMED
        reservation.save(update_fields=["status", "updated_at"])
        emails.reservation_received(reservation)
    return reservation


def copy_by_number(inventory_number: str, pickup_point_ids: list[int] | None = None) -> Copy:
    """The copy with a typed or scanned inventory number (case and spaces ignored)."""
    number = "".join(inventory_number.split()).upper()
    copies = Copy.objects.select_related("item", "pickup_point").filter(inventory_number__iexact=number)
    if pickup_point_ids is not None:
        copies = copies.filter(pickup_point_id__in=pickup_point_ids)
    copy = copies.first()
    if copy is None:
        raise UnknownCopy(_("No copy has inventory number %(number)s.") % {"number": number})
    return copy


def check_out(
    inventory_number: str, *, today: dt.date | None = None, pickup_point_ids: list[int] | None = None
) -> Reservation:
    """Hand a copy to the school whose confirmed reservation starts nearest to today."""
    today = today or timezone.localdate()
    copy = copy_by_number(inventory_number, pickup_point_ids)
    with transaction.atomic():
        _lock_item(copy.item_id)
        reservation = (
            Reservation.objects.select_for_update(of=("self",))
            .select_related("school", "copy__pickup_point", "item")
            .filter(
                copy=copy, status=Reservation.Status.CONFIRMED, pickup_date__lte=today + dt.timedelta(days=7)
            )
            .filter(return_date__gte=today)
            .order_by("pickup_date")
            .first()
        )
        if reservation is None:
            raise InvalidTransition(
                _("Copy %(number)s has no confirmed reservation to pick up now.")
                % {"number": copy.inventory_number},
                field="inventory_number",
            )
        if (
            holding()
            .filter(copy=copy, status__in=(Reservation.Status.PICKED_UP, Reservation.Status.OVERDUE))
            .exists()
        ):
            raise InvalidTransition(
                _("Copy %(number)s is still lent out; check it in first.")
                % {"number": copy.inventory_number},
                field="inventory_number",
            )
        reservation.status = Reservation.Status.PICKED_UP
        reservation.picked_up_at = timezone.now()
        reservation.save(update_fields=["status", "picked_up_at", "updated_at"])
    return reservation


def check_in(
    inventory_number: str,
    *,
    pupils_reached: int | None = None,
    damage: str = "",
    out_of_service: bool = False,
    today: dt.date | None = None,
    pickup_point_ids: list[int] | None = None,
) -> Reservation:
    """Take a copy back: the loan is returned, the copy blocked for its buffer days from today.

    ``damage`` (damage or missing parts) is kept on the loan and the copy; ``out_of_service``
    takes the copy out of the stock (its later reservations are moved or cancelled, with a mail).
    A copy returned early frees its later weeks for the waiting list.
    """
    today = today or timezone.localdate()
    copy = copy_by_number(inventory_number, pickup_point_ids)
    with transaction.atomic():
        item = _lock_item(copy.item_id)
        reservation = (
            Reservation.objects.select_for_update(of=("self",))
            .select_related("school", "copy__pickup_point")
            .filter(copy=copy, status__in=(Reservation.Status.PICKED_UP, Reservation.Status.OVERDUE))
            .first()
        )
        if reservation is None:
            raise InvalidTransition(
                _("Copy %(number)s is not lent out.") % {"number": copy.inventory_number},
                field="inventory_number",
            )
        reservation.item = item
        reservation.status = Reservation.Status.RETURNED
        reservation.returned_at = timezone.now()
        reservation.blocked_until = max(blocked_until(item, today), reservation.pickup_date)
        if pupils_reached:
            reservation.pupils_reached = pupils_reached
        damage = damage.strip()
        reservation.return_notes = damage
        reservation.save()
        if damage:
            stamp = today.strftime("%d-%m-%Y")
            copy.condition_notes = f"{copy.condition_notes}\n{stamp}: {damage}".strip()
            copy.save(update_fields=["condition_notes"])
        emails.returned(reservation)
        if out_of_service:
            _take_out_of_service(copy, item, reason=damage)
        offer_waiting_list(item)
    return reservation


@dataclass
class OutOfServiceResult:
    moved: list[Reservation] = field(default_factory=list)
    cancelled: list[Reservation] = field(default_factory=list)


def put_out_of_service(copy_id: int, *, reason: str = "") -> OutOfServiceResult:
    """Take a copy out of the stock; every reservation still to come moves to another free copy
    (the same pick-up point first, then any) or is cancelled, each with a mail: never silently."""
    copy = Copy.objects.get(pk=copy_id)
    with transaction.atomic():
        item = _lock_item(copy.item_id)
        copy = Copy.objects.select_for_update().get(pk=copy_id)
        return _take_out_of_service(copy, item, reason=reason)


def _take_out_of_service(copy: Copy, item: LendableItem, *, reason: str) -> OutOfServiceResult:
    copy.status = Copy.Status.OUT_OF_SERVICE
    copy.save(update_fields=["status"])
    result = OutOfServiceResult()
    affected = Reservation.objects.select_for_update(of=("self",)).filter(
        copy=copy, status__in=Reservation.CHANGEABLE
    )
    for reservation in affected.select_related("school", "copy__pickup_point").order_by("pickup_date", "pk"):
        reservation.item = item
        old_point = reservation.copy.pickup_point
        new = free_copy(
            item,
            old_point.pk,
            reservation.pickup_date,
            reservation.blocked_until,
            exclude_reservation=reservation.pk,
        ) or free_copy(
            item, None, reservation.pickup_date, reservation.blocked_until, exclude_reservation=reservation.pk
        )
        if new is None:
            reservation.status = Reservation.Status.CANCELLED
            _refund_voucher(reservation)
            reservation.save()
            emails.reservation_cancelled(
                reservation, reason=str(_("The kit is out of service and no other copy is free."))
            )
            result.cancelled.append(reservation)
            continue
        reservation.copy = new
        reservation.save(update_fields=["copy", "updated_at"])
        emails.reservation_moved(reservation, old_point=old_point)
        result.moved.append(reservation)
    return result


def put_in_service(copy_id: int) -> list[Reservation]:
    """Back in the stock: the waiting list gets the copy."""
    with transaction.atomic():
        copy = Copy.objects.get(pk=copy_id)
        item = _lock_item(copy.item_id)
        Copy.objects.filter(pk=copy_id).update(status=Copy.Status.IN_SERVICE)
        return offer_waiting_list(item)


def day_list(pickup_point: PickupPoint, day: dt.date) -> dict[str, list[Reservation]]:
    """Who picks up and who returns at a pick-up point on a day (and which loans are overdue)."""
    loans = Reservation.objects.filter(copy__pickup_point=pickup_point).select_related(
        "school", "copy", "item"
    )
    return {
        "pickups": list(
            loans.filter(
                pickup_date=day, status__in=(Reservation.Status.CONFIRMED, Reservation.Status.REQUESTED)
            )
        ),
        "returns": list(loans.filter(return_date=day, status=Reservation.Status.PICKED_UP)),
        "overdue": list(loans.filter(status=Reservation.Status.OVERDUE).order_by("return_date")),
    }


# --- reminders ------------------------------------------------------------------------------


def send_reminders(*, days_ahead: int = 2, today: dt.date | None = None) -> batch.Outcome:
    """Pick-up and return reminders ``days_ahead`` days before, and overdue notices (once a week).

    Loans picked up and past their return day become ``overdue``. Idempotent per loan and kind.
    """
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=days_ahead)
    jobs: list[tuple[str, int]] = []
    jobs += [
        ("pickup", pk)
        for pk in Reservation.objects.filter(
            status=Reservation.Status.CONFIRMED,
            pickup_reminder_sent_at__isnull=True,
            pickup_date__gte=today,
            pickup_date__lte=horizon,
        ).values_list("pk", flat=True)
    ]
    jobs += [
        ("return", pk)
        for pk in Reservation.objects.filter(
            status=Reservation.Status.PICKED_UP,
            return_reminder_sent_at__isnull=True,
            return_date__gte=today,
            return_date__lte=horizon,
        ).values_list("pk", flat=True)
    ]
    jobs += [
        ("overdue", pk)
        for pk in Reservation.objects.filter(
            status__in=(Reservation.Status.PICKED_UP, Reservation.Status.OVERDUE), return_date__lt=today
        )
        .filter(
            Q(overdue_reminder_sent_on__isnull=True)
            | Q(overdue_reminder_sent_on__lte=today - dt.timedelta(days=7))
        )
        .values_list("pk", flat=True)
    ]
    return batch.each(jobs, lambda job: _remind(*job, today=today), what="Loan reminder")


def _remind(kind: str, reservation_id: int, *, today: dt.date) -> bool:
    with transaction.atomic():
        reservation = (
            Reservation.objects.select_for_update(of=("self",))
            .select_related("school", "copy__pickup_point", "item")
            .get(pk=reservation_id)
        )
        now = timezone.now()
        if kind == "pickup" and reservation.pickup_reminder_sent_at is None:
            emails.pickup_reminder(reservation)
            reservation.pickup_reminder_sent_at = now
        elif kind == "return" and reservation.return_reminder_sent_at is None:
            emails.return_reminder(reservation)
            reservation.return_reminder_sent_at = now
        elif kind == "overdue" and reservation.is_overdue_on(today):
            reservation.status = Reservation.Status.OVERDUE
            emails.overdue(reservation, today)
            reservation.overdue_reminder_sent_on = today
        else:
            return False
        reservation.save()
    return True


# --- figures for the funders' dashboard ------------------------------------------------------


@dataclass(frozen=True)
class LoanFigure:
    school_id: int
    school: str
    item_id: int
    item: str
    lesson_kit_id: int | None
    year: int
    quarter: int
    loans: int
    pupils_reached: int


def loan_figures(
    *, start: dt.date | None = None, end: dt.date | None = None, region_ids: list[int] | None = None
) -> list[LoanFigure]:
    """Loans per school, item (lesson kit) and calendar quarter of the pick-up day, with the pupils reached.

    For the funders' dashboard and milestones ("3 scholen maken gebruik van leskisten, Q3-2026").
    One query; filter by pick-up day (``start``..``end`` inclusive) and the schools' regions.
    """
    loans = lent_reservations()
    if start:
        loans = loans.filter(pickup_date__gte=start)
    if end:
        loans = loans.filter(pickup_date__lte=end)
    if region_ids is not None:
        loans = loans.filter(school__region_id__in=region_ids)
    rows = (
        loans.annotate(year=ExtractYear("pickup_date"), month=ExtractMonth("pickup_date"))
        .values("school_id", "school__name", "item_id", "item__title", "item__lesson_kit_id", "year", "month")
        .annotate(loans=Count("pk"), pupils=Sum("pupils_reached"))
        .order_by("year", "month", "school__name", "item__title")
    )
    merged: dict[tuple, list] = {}
    for row in rows:
        quarter = (row["month"] - 1) // 3 + 1
        key = (row["year"], quarter, row["school_id"], row["item_id"])
        entry = merged.setdefault(key, [row, 0, 0])
        entry[1] += row["loans"]
        entry[2] += row["pupils"] or 0
    return [
        LoanFigure(
            school_id=row["school_id"],
            school=row["school__name"],
            item_id=row["item_id"],
            item=row["item__title"],
            lesson_kit_id=row["item__lesson_kit_id"],
            year=year,
            quarter=quarter,
            loans=loans_count,
            pupils_reached=pupils,
        )
        for (year, quarter, _school, _item), (row, loans_count, pupils) in merged.items()
    ]
