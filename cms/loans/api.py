"""JSON API for loans, mounted on Wagtail's API v3 under ``/api/v3/loans/``.

Reserving validates with the same :class:`~cms.loans.forms.ReservationForm` as the kit page, so the
rules and the (Dutch) messages are the same; every bad input is a 400 problem with field errors.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from cms import ratelimit
from cms.api.errors import ProblemSchema, invalid_form
from cms.api.examples import openapi_examples
from cms.api.requests import json_form_data
from cms.api.routers import register_router
from cms.api.schema_types import Consent, Id, StrictBody
from cms.errors import NotFound

from . import api_examples as examples
from . import services
from .forms import ChangeReservationForm, ReservationForm
from .models import LendableItem, Reservation

router = Router(tags=["loans"])

#: A date in the request body (ISO 8601, e.g. ``2027-03-15``); the form parses and checks it.
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"})]


class WeekOut(Schema):
    monday: dt.date
    free: int
    total: int
    open: bool


class PickupPointOut(Schema):
    id: int
    name: str
    address: str
    opening_hours: str
    weeks: list[WeekOut]


class AvailabilityOut(Schema):
    id: int
    title: str
    lesson_kit_id: int | None
    min_weeks: int
    max_weeks: int
    lead_time_days: int
    buffer_days: int
    fee: Decimal
    pickup_points: list[PickupPointOut]


def _availability(item: LendableItem, calendar: list[services.PointAvailability]) -> dict:
    return {
        "id": item.pk,
        "title": item.title,
        "lesson_kit_id": item.lesson_kit_id,
        "min_weeks": item.min_weeks,
        "max_weeks": item.max_weeks,
        "lead_time_days": item.lead_time_days,
        "buffer_days": item.buffer_days,
        "fee": item.fee,
        "pickup_points": [
            {
                "id": point.pickup_point.pk,
                "name": point.pickup_point.name,
                "address": point.pickup_point.address,
                "opening_hours": point.pickup_point.opening_hours,
                "weeks": [week.__dict__ for week in point.weeks],
            }
            for point in calendar
        ],
    }


@router.get(
    "/items/",
    response={200: list[AvailabilityOut], 400: ProblemSchema},
    operation_id="loans_items",
    summary="Lendable kits with their free weeks per pick-up point",
    description=(
        "Every kit that can be borrowed, with a 12-week calendar per pick-up point: `free` is the number "
        "of copies a loan starting that Monday could get; `open` is false before the lead time. "
        "Filter with `lesson_kit` (a lesson kit page id)."
    ),
    openapi_extra=openapi_examples(responses={200: [examples.AVAILABILITY]}),
)
def list_items(request: HttpRequest, lesson_kit: Id | None = None):
    items = services.lendable_items()
    if lesson_kit is not None:
        items = items.filter(lesson_kit_id=lesson_kit)
    items = list(items[:500])
    calendars = services.availability_many([item.pk for item in items])
    return [_availability(item, calendars.get(item.pk, [])) for item in items]


@router.get(
    "/items/{item_id}/availability/",
    response={200: AvailabilityOut, 400: ProblemSchema, 404: ProblemSchema},
    operation_id="loans_availability",
    summary="Free weeks of one kit per pick-up point",
    openapi_extra=openapi_examples(responses={200: examples.AVAILABILITY}),
)
def item_availability(request: HttpRequest, item_id: Id):
    item = services.lendable_items().filter(pk=item_id).first()
    if item is None:
        raise NotFound(_("This kit cannot be borrowed."))
    return _availability(item, services.availability(item))


class ReserveIn(StrictBody):
    """A reservation. Give ``school_id`` of a known school, or the ``school_*`` fields of a new one."""

    item: Id
    pickup_point: Id
    start_week: IsoDate
    weeks: int
    school_id: Id | None = None
    school_name: str = ""
    school_brin: str = ""
    school_street: str = ""
    school_postcode: str = ""
    school_city: str = ""
    contact_name: str
    email: str
    phone: str = ""
    notes: str = ""
    privacy_consent: Consent
    waitlist: bool = False
    idempotency_key: str | None = None


class ReservationOut(Schema):
    id: int | None
    item: int
    inventory_number: str | None
    pickup_point: str | None
    school: str
    status: str
    pickup_date: dt.date
    return_date: dt.date
    amount_owed: Decimal | None
    voucher: bool
    waiting_list: bool


def _out(reservation: Reservation, **extra) -> dict:
    return {
        "id": reservation.pk,
        "item": reservation.item_id,
        "inventory_number": reservation.copy.inventory_number,
        "pickup_point": reservation.copy.pickup_point.name,
        "school": reservation.school.name,
        "status": reservation.status,
        "pickup_date": reservation.pickup_date,
        "return_date": reservation.return_date,
        "amount_owed": reservation.amount_owed,
        "voucher": reservation.voucher_id is not None,
        "waiting_list": False,
        **extra,
    }


class UnavailableProblem(ProblemSchema):
    """409: no copy is free; repeat with ``waitlist: true`` to join the waiting list."""

    waitlist_available: bool


@router.post(
    "/reservations/",
    operation_id="loans_reserve",
    summary="Reserve a kit for a period",
    response={
        200: ReservationOut,
        201: ReservationOut,
        400: ProblemSchema,
        409: UnavailableProblem,
        429: ProblemSchema,
    },
    description=(
        "Reserves a free copy at the pick-up point from the Monday of `start_week` for `weeks` weeks "
        "(201). With `waitlist: true` and no copy free the school joins the waiting list (201, "
        "`waiting_list: true`). Repeating a request with the same `idempotency_key` (or "
        "`Idempotency-Key` header) returns the first result (200). Errors are "
        "`application/problem+json` with a `code`; 400 lists field errors."
    ),
    openapi_extra=openapi_examples(
        request_schema=ReserveIn,
        request=examples.RESERVE_REQUEST,
        responses={200: examples.RESERVATION, 201: examples.RESERVATION, 409: examples.UNAVAILABLE},
    ),
)
def create_reservation(request: HttpRequest):
    ratelimit.check(request, "loans")
    data = json_form_data(request, ReserveIn)
    data["school"] = data.pop("school_id", None)
    form = ReservationForm(data=data)
    if not form.is_valid():
        message = _("The reservation could not be saved; see the errors per field.")
        raise invalid_form(form, message, names={"school": "school_id"})
    try:
        result = services.reserve(form.loan_request())
    except services.NoCopyAvailable as error:
        error.extensions["waitlist_available"] = True
        raise
    status = 201 if result.created else 200
    if result.reservation is not None:
        return Status(status, _out(result.reservation))
    entry = result.waiting
    return Status(
        status,
        {
            "id": None,
            "item": entry.item_id,
            "inventory_number": None,
            "pickup_point": entry.pickup_point.name if entry.pickup_point else None,
            "school": entry.school.name,
            "status": entry.status,
            "pickup_date": entry.pickup_date,
            "return_date": entry.return_date,
            "amount_owed": None,
            "voucher": False,
            "waiting_list": True,
        },
    )


class TokenIn(StrictBody):
    token: str


@router.post(
    "/reservations/cancel/",
    response={200: ReservationOut, 400: ProblemSchema, 409: ProblemSchema, 429: ProblemSchema},
    operation_id="loans_cancel",
    summary="Cancel a reservation with the signed token from the confirmation mail",
    openapi_extra=openapi_examples(request=examples.CANCEL_REQUEST, responses={200: examples.CANCELLED}),
)
def cancel_reservation(request: HttpRequest, payload: TokenIn):
    ratelimit.check(request, "loans")
    return Status(200, _out(services.cancel_with_token(payload.token)))


class ReservationChangeIn(StrictBody):
    """The token from the mail and what to change; left-out fields stay as they are."""

    token: str
    start_week: IsoDate | None = None
    weeks: int | None = None
    contact_name: str | None = None
    phone: str | None = None
    notes: str | None = None


class ReservationChangeOut(ReservationOut):
    changed: list[str]


@router.post(
    "/reservations/change/",
    response={200: ReservationChangeOut, 400: ProblemSchema, 409: ProblemSchema, 429: ProblemSchema},
    operation_id="loans_change",
    summary="Change a reservation's period or contact details with the signed token",
    description=(
        "Until the pick-up day. A new period keeps the copy when it is free, else takes another free "
        "copy at the same pick-up point; 409 (`unavailable`) when none is. `changed` lists what really "
        "changed (empty: nothing to do, no mail)."
    ),
    openapi_extra=openapi_examples(
        request_schema=ReservationChangeIn, request=examples.CHANGE_REQUEST, responses={200: examples.CHANGED}
    ),
)
def change_reservation(request: HttpRequest):
    ratelimit.check(request, "loans")
    data = json_form_data(request, ReservationChangeIn)
    token = str(data.get("token", ""))
    reservation = services.reservation_for_token(token)
    current = ChangeReservationForm.current_values(reservation)
    form = ChangeReservationForm(
        reservation, data={**current, **{k: v for k, v in data.items() if k in current and v is not None}}
    )
    if not form.is_valid():
        raise invalid_form(form, _("The reservation could not be changed; see the errors per field."))
    result = services.change_reservation(token, form.changes())
    reservation = services.reservation_for_token(token)
    return Status(200, _out(reservation, changed=result.changed))


def register() -> None:
    register_router("/loans/", router)
