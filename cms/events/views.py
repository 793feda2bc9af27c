"""Public pages: registration and team forms, the cancel link and the iCal feeds (thin views)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from cms.pages.models import ChallengePage, EventPage, HomePage
from cms.participation.views import submit

from . import calendars, services
from .forms import RegistrationForm, TeamForm
from .models import EventRegistration
from .queries import places_left


def _public(model):
    return model.objects.live().public()


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(_public(EventPage), pk=event_id)
    if request.method != "POST":
        form, registration, status = RegistrationForm(event=event), None, 200
    else:
        form = RegistrationForm(request.POST, event=event)
        registration, status = submit(
            request,
            form,
            "events.registrations",
            lambda form: services.register_for_event(form.registration_request(event.pk)).registration,
            services.RegistrationError,
        )
    context = {"form": form, "event": event, "places_left": places_left(event), "registration": registration}
    return render(request, "events/registration_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what will be cancelled (mail scanners follow links); only POST cancels."""
    try:
        registration = services.registration_for_token(token)
    except services.InvalidToken as error:
        return render(request, "events/cancel.html", {"error": error.message}, status=400)
    context = {"registration": registration, "event": registration.event}
    if request.method == "POST":
        try:
            services.cancel_with_token(token)
        except services.RegistrationError as error:
            return render(request, "events/cancel.html", {**context, "error": error.message}, status=400)
        return render(request, "events/cancel.html", {**context, "cancelled": True})
    if registration.status == EventRegistration.Status.CANCELLED:
        context["error"] = _("This registration has already been cancelled.")
    return render(request, "events/cancel.html", context)


@require_http_methods(["GET", "POST"])
def register_team(request: HttpRequest, challenge_id: int) -> HttpResponse:
    challenge = get_object_or_404(_public(ChallengePage), pk=challenge_id)
    if request.method != "POST":
        form, team, status = TeamForm(), None, 200
    else:
        form = TeamForm(request.POST)
        team, status = submit(
            request,
            form,
            "events.teams",
            lambda form: services.register_team(form.team_request(challenge.pk)).team,
            services.RegistrationError,
        )
    context = {"form": form, "challenge": challenge, "team": team}
    return render(request, "events/team_form.html", context, status=status)


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@cache_control(public=True, max_age=900)
def region_calendar(request: HttpRequest, region_slug: str) -> HttpResponse:
    """The subscribable feed of a region: upcoming events under the region's home page(s)."""
    homes = list(_public(HomePage).filter(region__slug=region_slug))
    if not homes:
        raise Http404
    events = sorted(
        {e.pk: e for home in homes for e in calendars.upcoming_events(home)}.values(),
        key=lambda e: (e.start, e.pk),
    )
    return _ics(calendars.feed(events, name=homes[0].title), f"{region_slug}.ics")


@require_GET
@cache_control(public=True, max_age=900)
def event_calendar(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(_public(EventPage), pk=event_id)
    return _ics(calendars.event_feed(event), f"event-{event.pk}.ics")
