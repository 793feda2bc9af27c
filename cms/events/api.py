"""JSON API for event registrations and challenge teams, mounted on Wagtail's API v3.

``/api/v3/event-registrations/{event_id}/`` and ``/api/v3/challenge-teams/{challenge_id}/``
(the page routers already own ``/events/`` and ``/challenges/``). Bodies are validated with the
same forms as the public pages, so rules and (Dutch) messages are the same; the body is parsed
here rather than by ninja so every bad input is a 400 with field errors instead of a 422.
"""

import datetime as dt

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from cms import ratelimit
from cms.api.errors import ProblemSchema
from cms.api.examples import openapi_examples
from cms.api.routers import register_router
from cms.api.schema_types import Consent, Id, StrictBody
from cms.errors import NotFound
from cms.pages.models import ChallengePage, EventPage
from cms.participation.api import check_form, form_data

from . import api_examples as examples
from . import services
from .forms import RegistrationForm, TeamForm
from .models import ChallengeTeam, EventRegistration

registration_router = Router(tags=["event registrations"])
team_router = Router(tags=["challenge teams"])


class RegistrationIn(StrictBody):
    name: str
    email: str
    organisation: str = ""
    role: str = "teacher"
    privacy_consent: Consent
    waitlist: bool = False
    occurrence: int | None = Field(
        None,
        description="Id of one date (from the event's `occurrences`) when the event takes registrations "
        "per date (`registration_scope: occurrence`); leave out for the whole series.",
    )
    idempotency_key: str | None = None


class RegistrationOut(Schema):
    id: int
    event: int
    occurrence: int | None = None
    status: str
    role: str
    created_at: dt.datetime

    @staticmethod
    def resolve_event(registration: EventRegistration) -> int:
        return registration.event_id

    @staticmethod
    def resolve_occurrence(registration: EventRegistration) -> int | None:
        return registration.occurrence_id


class TeamIn(StrictBody):
    """Give ``school_id`` of a known school, or the ``school_*`` fields of a new one."""

    school_id: Id | None = None
    school_name: str = ""
    school_brin: str = ""
    school_type: str = "vmbo"
    school_street: str = ""
    school_postcode: str = ""
    school_city: str = ""
    team_name: str
    pupils: int
    teacher_name: str
    teacher_email: str
    privacy_consent: Consent
    idempotency_key: str | None = None


class TeamOut(Schema):
    id: int
    challenge: int
    school: str
    team_name: str
    pupils: int
    status: str
    created_at: dt.datetime

    @staticmethod
    def resolve_challenge(team: ChallengeTeam) -> int:
        return team.challenge_id

    @staticmethod
    def resolve_school(team: ChallengeTeam) -> str:
        return team.school.name


class EventFullProblem(ProblemSchema):
    """409: the event is full (``waitlist_available``: repeat with ``waitlist: true``) or the address
    is already registered (``waitlist_available`` false, code ``already_registered``)."""

    waitlist_available: bool


class RegistrationCancelIn(StrictBody):
    token: str


def _check_form(form) -> None:
    check_form(form, _("The registration could not be saved; see the errors per field."))


@registration_router.post(
    "/cancel/",
    response={200: RegistrationOut, 400: ProblemSchema},
    operation_id="event_registrations_cancel",
    summary="Cancel a registration with the signed token from the confirmation mail",
    openapi_extra=openapi_examples(request=examples.CANCEL_REQUEST, responses={200: examples.CANCELLED}),
)
def cancel_registration(request: HttpRequest, payload: RegistrationCancelIn):
    return Status(200, services.cancel_with_token(payload.token).registration)


@registration_router.post(
    "/{event_id}/",
    operation_id="event_registrations_create",
    summary="Register for an event",
    response={
        200: RegistrationOut,
        201: RegistrationOut,
        400: ProblemSchema,
        404: ProblemSchema,
        409: EventFullProblem,
        429: ProblemSchema,
    },
    description=(
        "Registers a teacher or company employee (201). Repeating a request with the same "
        "`idempotency_key` (or `Idempotency-Key` header) returns the first registration (200). "
        "Errors are `application/problem+json` with a `code`; 400 lists field errors in `errors`; "
        "409 means the event is full (`waitlist_available`: repeat with `waitlist: true` to join "
        "the waiting list) or the address is already registered."
    ),
    openapi_extra=openapi_examples(
        request_schema=RegistrationIn,
        request=examples.REGISTRATION_REQUEST,
        responses={200: examples.REGISTRATION, 201: examples.REGISTRATION, 409: examples.EVENT_FULL},
    ),
)
def create_registration(request: HttpRequest, event_id: Id):
    ratelimit.check(request, "events.registrations")
    event = EventPage.objects.live().public().filter(pk=event_id).prefetch_related("occurrences").first()
    if event is None:
        raise NotFound(_("This event does not exist."))
    form = RegistrationForm(data=form_data(request, RegistrationIn), event=event)
    _check_form(form)
    try:
        result = services.register_for_event(form.registration_request(event_id))
    except (services.EventFull, services.AlreadyRegistered) as error:
        # This endpoint offers the waiting list, for a full event only (EventFullProblem).
        error.extensions["waitlist_available"] = isinstance(error, services.EventFull)
        raise
    return Status(201 if result.created else 200, result.registration)


@team_router.post(
    "/{challenge_id}/",
    operation_id="challenge_teams_create",
    summary="Register a school team for a challenge",
    response={
        200: TeamOut,
        201: TeamOut,
        400: ProblemSchema,
        404: ProblemSchema,
        429: ProblemSchema,
    },
    description=(
        "Registers a team until the challenge's registration deadline (201; after it: a 400 "
        "problem with code `deadline_passed`). Give `school_id` or the details of a new school (BRIN, postcode). "
        "Team names are unique per challenge. Repeating a request with the same `idempotency_key` "
        "returns the first team (200)."
    ),
    openapi_extra=openapi_examples(
        request_schema=TeamIn,
        request=examples.TEAM_REQUEST,
        responses={200: examples.TEAM, 201: examples.TEAM},
    ),
)
def create_team(request: HttpRequest, challenge_id: Id):
    ratelimit.check(request, "events.teams")
    if not ChallengePage.objects.live().public().filter(pk=challenge_id).exists():
        raise NotFound(_("This challenge does not exist."))
    form = TeamForm(data=form_data(request, TeamIn))
    _check_form(form)
    result = services.register_team(form.team_request(challenge_id))
    return Status(201 if result.created else 200, result.team)


def register() -> None:
    register_router("/event-registrations/", registration_router)
    register_router("/challenge-teams/", team_router)
