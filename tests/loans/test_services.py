"""Loan rules: periods, overlap with buffer, idempotency, vouchers, change/cancel, check-out/in,
out of service, waiting list, reminders and the figures."""

import base64
import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from cms.loans import services
from cms.loans.models import Copy, LoanVoucher, Reservation, WaitingListEntry
from cms.loans.tokens import make_manage_token
from cms.outbox.models import OutgoingMail
from tests.factories import SchoolFactory

from .conftest import make_request
from .factories import CopyFactory, LendableItemFactory, PickupPointFactory, ReservationFactory, next_monday

pytestmark = pytest.mark.django_db


def test_loan_period_runs_from_monday_to_friday_of_the_last_week():
    pickup, back = services.loan_period(dt.date(2027, 3, 17), 2)
    assert pickup == dt.date(2027, 3, 15)
    assert back == dt.date(2027, 3, 26)


def test_reserve_takes_a_free_copy_and_mails_a_confirmation_with_both_days_in_ics():
    copy = CopyFactory()
    result = services.reserve(make_request(copy))
    assert result.created and result.reservation.copy == copy
    assert result.reservation.status == Reservation.Status.CONFIRMED
    assert result.reservation.blocked_until == result.reservation.return_date + dt.timedelta(days=2)
    outgoing = OutgoingMail.objects.get(key=f"loan-{result.reservation.pk}-confirmation")
    [attachment] = outgoing.attachments
    ics = base64.b64decode(attachment["content"]).decode()
    assert ics.count("BEGIN:VEVENT") == 2


def test_same_idempotency_key_gives_one_reservation():
    copy = CopyFactory()
    request = make_request(copy)
    first = services.reserve(request)
    second = services.reserve(request)
    assert second.reservation.pk == first.reservation.pk and not second.created
    assert Reservation.objects.count() == 1


def test_overlapping_period_including_buffer_is_refused():
    copy = CopyFactory(item__buffer_days=3)
    services.reserve(make_request(copy))  # Monday-Friday, blocked until Monday after (buffer 3)
    with pytest.raises(services.NoCopyAvailable):
        services.reserve(make_request(copy, start_week=next_monday() + dt.timedelta(weeks=1)))


def test_period_after_the_buffer_gets_the_same_copy():
    copy = CopyFactory(item__buffer_days=2)
    services.reserve(make_request(copy))  # blocked until Sunday
    second = services.reserve(make_request(copy, start_week=next_monday() + dt.timedelta(weeks=1)))
    assert second.reservation.copy == copy


def test_second_copy_is_used_when_the_first_is_taken():
    copy = CopyFactory()
    other = CopyFactory(item=copy.item, pickup_point=copy.pickup_point)
    services.reserve(make_request(copy))
    assert services.reserve(make_request(copy)).reservation.copy == other


def test_copy_at_another_pickup_point_is_not_taken():
    copy = CopyFactory()
    CopyFactory(item=copy.item)  # elsewhere
    services.reserve(make_request(copy))
    with pytest.raises(services.NoCopyAvailable):
        services.reserve(make_request(copy))


def test_waitlist_when_no_copy_is_free():
    copy = CopyFactory()
    services.reserve(make_request(copy))
    result = services.reserve(make_request(copy, waitlist=True))
    assert result.reservation is None and result.waiting.status == WaitingListEntry.Status.WAITING


@pytest.mark.parametrize(
    ("weeks", "start_offset", "code"),
    [(4, 14, "weeks"), (0, 14, "weeks"), (1, 0, "lead_time"), (1, 400, "horizon")],
)
def test_period_rules(weeks, start_offset, code):
    copy = CopyFactory()
    start = services.monday(timezone.localdate() + dt.timedelta(days=start_offset))
    if code == "lead_time":
        start = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(services.LoanError) as refused:
        services.reserve(make_request(copy, weeks=weeks, start_week=start))
    assert refused.value.code == code


def test_consent_is_required():
    with pytest.raises(services.LoanError) as refused:
        services.reserve(make_request(CopyFactory(), privacy_consent=False))
    assert refused.value.field == "privacy_consent"


def test_out_of_service_copy_is_never_reserved():
    copy = CopyFactory(status=Copy.Status.OUT_OF_SERVICE)
    with pytest.raises(services.NoCopyAvailable):
        services.reserve(make_request(copy))


def test_availability_counts_free_copies_per_week_and_point():
    copy = CopyFactory()
    CopyFactory(item=copy.item, pickup_point=copy.pickup_point)
    ReservationFactory(copy=copy)
    [point] = services.availability(copy.item)
    weeks = {week.monday: week for week in point.weeks}
    assert len(point.weeks) == services.CALENDAR_WEEKS
    assert weeks[next_monday()].free == 1 and weeks[next_monday()].total == 2
    assert weeks[next_monday() + dt.timedelta(weeks=1)].free == 2
    assert not point.weeks[0].open  # this week is within the lead time


def test_voucher_free_loan_is_spent_and_given_back_on_cancel():
    school = SchoolFactory()
    copy = CopyFactory(item__fee=Decimal("25.00"))
    voucher = LoanVoucher.objects.create(
        school=school, school_year_start=services.school_year_start(next_monday()), free_loans=1
    )
    result = services.reserve(make_request(copy, school=school))
    voucher.refresh_from_db()
    assert voucher.used_loans == 1 and result.reservation.amount_owed == 0
    second = services.reserve(
        make_request(copy, school=school, start_week=next_monday() + dt.timedelta(weeks=2))
    )
    assert second.reservation.amount_owed == Decimal("25.00") and second.reservation.voucher is None
    services.cancel_reservation(result.reservation.pk)
    voucher.refresh_from_db()
    assert voucher.used_loans == 0


def test_voucher_budget_pays_the_fee_when_it_fits():
    school = SchoolFactory()
    copy = CopyFactory(item__fee=Decimal("25.00"))
    year = services.school_year_start(next_monday())
    LoanVoucher.objects.create(school=school, school_year_start=year, budget=Decimal("30.00"))
    first = services.reserve(make_request(copy, school=school)).reservation
    second = services.reserve(
        make_request(copy, school=school, start_week=next_monday() + dt.timedelta(weeks=2))
    ).reservation
    assert first.voucher_amount == Decimal("25.00") and first.amount_owed == 0
    assert second.voucher is None and second.amount_owed == Decimal("25.00")


def test_change_period_through_the_link_keeps_the_copy_and_mails():
    copy = CopyFactory()
    reservation = services.reserve(make_request(copy)).reservation
    token = make_manage_token(reservation)
    result = services.change_reservation(
        token, services.LoanChanges(start_week=next_monday() + dt.timedelta(weeks=3), weeks=2)
    )
    reservation.refresh_from_db()
    assert result.changed == ["period"] and reservation.copy == copy
    assert reservation.pickup_date == next_monday() + dt.timedelta(weeks=3)
    assert OutgoingMail.objects.filter(key__startswith=f"loan-{reservation.pk}-changed").exists()


def test_change_to_a_taken_period_changes_nothing():
    copy = CopyFactory()
    first = services.reserve(make_request(copy)).reservation
    other = services.reserve(make_request(copy, start_week=next_monday() + dt.timedelta(weeks=2))).reservation
    with pytest.raises(services.NoCopyAvailable):
        services.change_reservation(make_manage_token(other), services.LoanChanges(start_week=next_monday()))
    other.refresh_from_db()
    assert other.pickup_date == next_monday() + dt.timedelta(weeks=2)
    assert first.pk != other.pk


def test_cancel_with_token_works_once():
    reservation = services.reserve(make_request(CopyFactory())).reservation
    token = make_manage_token(reservation)
    services.cancel_with_token(token)
    with pytest.raises(services.InvalidToken):
        services.cancel_with_token(token)


def test_forged_token_is_refused():
    with pytest.raises(services.InvalidToken):
        services.reservation_for_token("nonsense")


def test_cancel_offers_the_copy_to_the_waiting_list_with_a_deadline():
    copy = CopyFactory()
    first = services.reserve(make_request(copy)).reservation
    waiting = services.reserve(make_request(copy, waitlist=True, email="wacht@school.nl")).waiting
    services.cancel_reservation(first.pk)
    waiting.refresh_from_db()
    assert waiting.status == WaitingListEntry.Status.OFFERED
    offer = waiting.reservation
    assert offer.status == Reservation.Status.OFFERED and offer.copy == copy
    assert offer.offer_expires_at > timezone.now()
    accepted = services.accept_offer(make_manage_token(offer))
    assert accepted.status == Reservation.Status.CONFIRMED


def test_expired_offer_goes_to_the_next_school():
    copy = CopyFactory()
    first = services.reserve(make_request(copy)).reservation
    services.reserve(make_request(copy, waitlist=True, email="een@school.nl"))
    second_wait = services.reserve(make_request(copy, waitlist=True, email="twee@school.nl")).waiting
    services.cancel_reservation(first.pk)
    later = timezone.now() + dt.timedelta(hours=services.DEFAULT_OFFER_HOURS + 1)
    services.expire_offers(now=later)
    second_wait.refresh_from_db()
    assert second_wait.status == WaitingListEntry.Status.OFFERED
    with pytest.raises(services.InvalidTransition):
        services.accept_offer(make_manage_token(second_wait.reservation), now=later + dt.timedelta(days=3))


def test_check_out_and_in_by_inventory_number():
    copy = CopyFactory(inventory_number="EL-56-01")
    reservation = ReservationFactory(copy=copy, pickup_date=timezone.localdate())
    out = services.check_out(" el-56-01 ")
    assert out.pk == reservation.pk and out.status == Reservation.Status.PICKED_UP
    back = services.check_in("EL-56-01", pupils_reached=27, damage="Twee krokodillenklemmen kwijt")
    copy.refresh_from_db()
    assert back.status == Reservation.Status.RETURNED and back.pupils_reached == 27
    assert "krokodillenklemmen" in copy.condition_notes
    assert back.blocked_until == timezone.localdate() + dt.timedelta(days=copy.item.buffer_days)


def test_check_out_without_reservation_and_unknown_number_are_refused():
    CopyFactory(inventory_number="EL-1")
    with pytest.raises(services.InvalidTransition):
        services.check_out("EL-1")
    with pytest.raises(services.UnknownCopy):
        services.check_out("XX-9")
    with pytest.raises(services.InvalidTransition):
        services.check_in("EL-1")


def test_out_of_service_moves_reservations_to_another_copy_with_a_mail():
    copy = CopyFactory()
    spare = CopyFactory(item=copy.item, pickup_point=copy.pickup_point)
    reservation = ReservationFactory(copy=copy)
    result = services.put_out_of_service(copy.pk, reason="kapot")
    reservation.refresh_from_db()
    assert result.moved == [reservation] and reservation.copy == spare
    assert OutgoingMail.objects.filter(key__startswith=f"loan-{reservation.pk}-moved").exists()


def test_out_of_service_cancels_with_a_mail_when_no_copy_is_free():
    copy = CopyFactory()
    reservation = ReservationFactory(copy=copy)
    result = services.put_out_of_service(copy.pk)
    reservation.refresh_from_db()
    assert result.cancelled == [reservation] and reservation.status == Reservation.Status.CANCELLED
    assert OutgoingMail.objects.filter(key=f"loan-{reservation.pk}-cancelled").exists()


def test_early_return_frees_the_copy_for_the_waiting_list():
    copy = CopyFactory(item__max_weeks=3)
    today = timezone.localdate()
    loan = ReservationFactory(
        copy=copy,
        pickup_date=today,
        return_date=today + dt.timedelta(days=18),
        blocked_until=today + dt.timedelta(days=20),
        status=Reservation.Status.PICKED_UP,
    )
    entry = services.reserve(make_request(copy, waitlist=True)).waiting
    services.check_in(copy.inventory_number)
    entry.refresh_from_db()
    assert loan.pk and entry.status == WaitingListEntry.Status.OFFERED


def test_reminders_pickup_return_and_overdue_each_once():
    today = timezone.localdate()
    pickup = ReservationFactory(pickup_date=today + dt.timedelta(days=1))
    returning = ReservationFactory(
        pickup_date=today - dt.timedelta(days=3),
        return_date=today + dt.timedelta(days=1),
        status=Reservation.Status.PICKED_UP,
    )
    late = ReservationFactory(
        pickup_date=today - dt.timedelta(days=10),
        return_date=today - dt.timedelta(days=2),
        status=Reservation.Status.PICKED_UP,
    )
    assert services.send_reminders().done == 3
    assert services.send_reminders().done == 0
    late.refresh_from_db()
    assert late.status == Reservation.Status.OVERDUE
    keys = set(OutgoingMail.objects.values_list("key", flat=True))
    assert {f"loan-{pickup.pk}-pickup_reminder", f"loan-{returning.pk}-return_reminder"} <= keys
    assert f"loan-{late.pk}-overdue-{today:%Y%m%d}" in keys
    assert mail.outbox is not None


def test_report_pupils_after_pick_up_only():
    reservation = ReservationFactory()
    with pytest.raises(services.InvalidTransition):
        services.report_pupils(make_manage_token(reservation), 20)
    Reservation.objects.filter(pk=reservation.pk).update(status=Reservation.Status.RETURNED)
    assert services.report_pupils(make_manage_token(reservation), 20).pupils_reached == 20


def test_loan_figures_per_school_kit_and_quarter():
    school = SchoolFactory()
    copy = CopyFactory()
    for day, pupils in ((dt.date(2026, 7, 6), 20), (dt.date(2026, 8, 3), 25), (dt.date(2026, 10, 5), 30)):
        ReservationFactory(
            copy=copy,
            school=school,
            pickup_date=day,
            status=Reservation.Status.RETURNED,
            pupils_reached=pupils,
            idempotency_key=uuid.uuid4().hex,
        )
    ReservationFactory(
        copy=copy, school=school, pickup_date=dt.date(2026, 7, 20), status=Reservation.Status.CANCELLED
    )
    figures = services.loan_figures()
    by_quarter = {(f.year, f.quarter): (f.loans, f.pupils_reached) for f in figures}
    assert by_quarter == {(2026, 3): (2, 45), (2026, 4): (1, 30)}


def test_day_list_shows_pickups_and_returns():
    point = PickupPointFactory()
    today = timezone.localdate()
    pickup = ReservationFactory(copy__pickup_point=point, pickup_date=today)
    back = ReservationFactory(
        copy__pickup_point=point,
        pickup_date=today - dt.timedelta(days=4),
        return_date=today,
        status=Reservation.Status.PICKED_UP,
    )
    listing = services.day_list(point, today)
    assert listing["pickups"] == [pickup] and listing["returns"] == [back]


def test_item_without_copies_is_not_lendable():
    LendableItemFactory()
    assert list(services.lendable_items()) == []
