"""JSON API for bookings, mounted on Wagtail's API v3 under ``/api/v3/bookings/``.

Booking creation validates with the same :class:`~cms.bookings.forms.BookingForm` as the public
form, so the rules and the (Dutch) messages are the same; the body is parsed here rather than by
ninja so that every bad input is a 400 with field errors instead of ninja's 422.
"""

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from cms import ratelimit
from cms.api.errors import ProblemSchema
from cms.api.examples import openapi_examples
from cms.api.routers import register_router
from cms.api.schema_types import Consent, Id, LocalTime, QueryDate, StrictBody
from cms.participation.api import check_form, form_data
from cms.snippets.api import SCHOOLS_EXAMPLE, SchoolMatchesOut, SchoolQuery, school_matches

from . import api_examples as examples
from . import services
from .forms import BookingForm, ChangeBookingForm
from .models import Booking, LessonOffering, TimeSlot
from .queries import OfferingFilters, bookable_offerings, bookable_schools

router = Router(tags=["bookings"])


class TermOut(Schema):
    id: int
    name: str


class SlotOut(Schema):
    id: int
    date: dt.date
    start: LocalTime
    end: LocalTime
    booking_deadline: dt.datetime | None
    capacity_classes: int | None
    capacity_pupils: int | None
    classes_left: int | None
    pupils_left: int | None
    is_full: bool

    @staticmethod
    def resolve_booking_deadline(slot: TimeSlot) -> dt.datetime:
        return slot.closes_at


class OfferingOut(Schema):
    id: int
    title: str
    description: str
    techniekhuis_id: int | None
    techniekhuis: str | None
    location_kind: str
    location: str
    duration_minutes: int
    max_pupils_per_class: int
    price: Decimal
    target_groups: list[TermOut]
    groups: list[int] = Field(description="The groups (3-8) a class may book this lesson for.")
    themes: list[TermOut]
    slots: list[SlotOut] = Field(
        description="Open time slots (in the period, if one was asked), soonest first."
    )

    @staticmethod
    def resolve_techniekhuis(offering: LessonOffering) -> str | None:
        return offering.techniekhuis.title if offering.techniekhuis else None

    @staticmethod
    def resolve_location(offering: LessonOffering) -> str:
        return offering.place

    @staticmethod
    def resolve_slots(offering: LessonOffering) -> list[TimeSlot]:
        return offering.open_slots

    @staticmethod
    def resolve_target_groups(offering: LessonOffering) -> list:
        return list(offering.target_groups.all())

    @staticmethod
    def resolve_groups(offering: LessonOffering) -> list[int]:
        return services.offering_groups(offering)

    @staticmethod
    def resolve_themes(offering: LessonOffering) -> list:
        return list(offering.themes.all())


class OfferingFilterQuery(Schema):
    """The filters of the public "Boek een les" page, by the same names."""

    techniekhuis: Id | None = Field(None, description="Id of the techniekhuis page.", examples=[12])
    group: int | None = Field(
        None, ge=3, le=8, description="A class's group: lessons it may book.", examples=[6]
    )
    theme: str | None = Field(None, max_length=120, description="Theme slug.", examples=["energie"])
    region: str | None = Field(
        None, max_length=120, description="Slug of the techniekhuis's region.", examples=["techtown"]
    )
    date_from: QueryDate | None = Field(
        None,
        description="Only lessons with an open slot on or after this day (and only those slots).",
        examples=["2027-03-01"],
    )
    date_to: QueryDate | None = Field(
        None,
        description="Only lessons with an open slot on or before this day (and only those slots).",
        examples=["2027-03-31"],
    )

    def to_filters(self) -> OfferingFilters:
        return OfferingFilters(
            techniekhuis=self.techniekhuis,
            group=self.group,
            theme=self.theme,
            region=self.region,
            date_from=self.date_from,
            date_to=self.date_to,
        )


class BookingIn(StrictBody):
    """What a booking needs. Give ``school_id`` of a known school, or the ``school_*`` fields of a new one."""

    slot: Id
    school_id: Id | None = None
    school_name: str = ""
    school_brin: str = ""
    school_street: str = ""
    school_postcode: str = ""
    school_city: str = ""
    contact_name: str
    email: str
    phone: str = ""
    group: int
    pupils: int
    notes: str = ""
    privacy_consent: Consent
    waitlist: bool = False
    idempotency_key: str | None = None


class BookingOut(Schema):
    id: int
    slot: int
    school: str
    status: str
    group: int
    pupils: int
    amount_owed: Decimal
    created_at: dt.datetime

    @staticmethod
    def resolve_slot(booking: Booking) -> int:
        return booking.slot_id

    @staticmethod
    def resolve_school(booking: Booking) -> str:
        return booking.school.name


class SlotFullProblem(ProblemSchema):
    """409: the slot is full; repeat the request with ``waitlist: true`` to join the waiting list."""

    waitlist_available: bool


class CancelIn(StrictBody):
    token: str


@router.get(
    "/offerings/",
    response={200: list[OfferingOut], 400: ProblemSchema},
    operation_id="bookings_offerings",
    summary="List bookable lesson offerings with their open time slots",
    description=(
        "Active lesson offerings, the soonest open time slot first, with their open slots and live "
        "availability: the list of the public page *Boek een les* (`/boeken/`), with the same filters. "
        "`group` keeps the lessons a class of that group may book (`groups` of each lesson); a period "
        "(`date_from`, `date_to`) keeps the lessons with an open slot in it and lists only those slots."
    ),
    openapi_extra=openapi_examples(responses={200: examples.OFFERINGS}),
)
@paginate(WagtailLimitOffsetPagination)
def list_offerings(request: HttpRequest, filters: Query[OfferingFilterQuery], **kwargs):
    return bookable_offerings(filters.to_filters())


@router.get(
    "/schools/",
    response={200: SchoolMatchesOut, 400: ProblemSchema, 429: ProblemSchema},
    operation_id="bookings_schools",
    summary="Find the school to book for",
    description=(
        "The known schools that can book lessons (primary and special primary schools) for a BRIN code "
        "or part of a name, at most 10, an exact name or code first: the `school_id` of a booking. A "
        "school that is not listed books with the `school_*` fields instead and is registered with its "
        "first booking. The form *Boeken* suggests schools from this list while a teacher types."
    ),
    openapi_extra=openapi_examples(responses={200: SCHOOLS_EXAMPLE}),
)
def find_bookable_schools(request: HttpRequest, query: Query[SchoolQuery]):
    return school_matches(request, query.q, bookable_schools())


@router.post(
    "/",
    operation_id="bookings_create",
    summary="Book a time slot",
    response={200: BookingOut, 201: BookingOut, 400: ProblemSchema, 409: SlotFullProblem, 429: ProblemSchema},
    description=(
        "Creates a booking (201). Repeating a request with the same `idempotency_key` (or "
        "`Idempotency-Key` header) returns the first booking (200). Errors are "
        "`application/problem+json` with a `code`; 400 lists field errors in `errors`; 409 "
        "(`waitlist_available`) means the slot is full: repeat with `waitlist: true` to join the "
        "waiting list."
    ),
    openapi_extra=openapi_examples(
        request_schema=BookingIn,
        request=examples.BOOKING_REQUEST,
        responses={200: examples.BOOKING, 201: examples.BOOKING, 409: examples.SLOT_FULL},
    ),
)
def create_booking(request: HttpRequest):
    ratelimit.check(request, "bookings")
    form = BookingForm(data=form_data(request, BookingIn))
    check_form(form, _("The booking could not be saved; see the errors per field."))
    try:
        result = services.book_slot(form.booking_request())
    except services.SlotFull as error:
        error.extensions["waitlist_available"] = True  # this endpoint offers the waiting list
        raise
    return Status(201 if result.created else 200, result.booking)


@router.post(
    "/cancel/",
    response={200: BookingOut, 400: ProblemSchema, 409: ProblemSchema},
    operation_id="bookings_cancel",
    summary="Cancel a booking with the signed token from the confirmation mail",
    openapi_extra=openapi_examples(request=examples.CANCEL_REQUEST, responses={200: examples.CANCELLED}),
)
def cancel_booking(request: HttpRequest, payload: CancelIn):
    return Status(200, services.cancel_with_token(payload.token).booking)


class ChangeIn(StrictBody):
    """The token from the confirmation mail and the fields to change; left-out fields stay as they are."""

    token: str
    slot: Id | None = None
    pupils: int | None = None
    contact_name: str | None = None
    phone: str | None = None
    notes: str | None = None


class ChangeOut(BookingOut):
    changed: list[str]


@router.post(
    "/change/",
    response={200: ChangeOut, 400: ProblemSchema, 409: ProblemSchema, 429: ProblemSchema},
    operation_id="bookings_change",
    summary="Change a booking with the signed token from the confirmation mail",
    description=(
        "Changes the number of pupils, the contact details or the time slot (another open slot of "
        "the same lesson) until the booking deadline. `changed` lists what really changed (empty: "
        "nothing to do, no mail). Freed places go to the waiting list; the school gets a new "
        "confirmation with an updated iCal file. 400 lists field errors; 409 means the change does not "
        "fit (slot full, deadline passed, booking no longer changeable)."
    ),
    openapi_extra=openapi_examples(
        request_schema=ChangeIn,
        request=examples.CHANGE_REQUEST,
        responses={200: examples.CHANGED},
    ),
)
def change_booking(request: HttpRequest):
    ratelimit.check(request, "bookings")
    data = form_data(request, ChangeIn)
    token = str(data.get("token", ""))
    booking = services.booking_for_token(token)
    current = ChangeBookingForm.current_values(booking)
    form = ChangeBookingForm(booking, data={**current, **{k: v for k, v in data.items() if k in current}})
    check_form(form, _("The booking could not be changed; see the errors per field."))
    result = services.change_booking(token, form.changes())
    result.booking.changed = result.changed  # ChangeOut reads it next to the booking's fields
    return Status(200, result.booking)


def register() -> None:
    register_router("/bookings/", router)
