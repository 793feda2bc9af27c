"""Organisers' pages (admin login): check-in per date (phone-friendly, QR camera or typed names),
the attendance list PDF, registration at the door, and cancelling a date or a whole event."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.pages.models import EventOccurrence, EventPage

from . import attendance, services
from .attendance_list import attendance_pdf
from .models import EventRegistration

PERMISSION = "events.change_eventregistration"


def _require_organiser(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def index(request: HttpRequest) -> HttpResponse:
    """Dates from yesterday on, soonest first, with their counts and actions."""
    _require_organiser(request)
    since = timezone.now() - dt.timedelta(days=1)
    dates = (
        EventOccurrence.objects.filter(end__gte=since)
        .exclude(status=EventOccurrence.Status.SKIPPED)
        .select_related("page")
        .annotate(checked_in=Count("attendances", distinct=True))
        .order_by("start", "pk")[:100]
    )
    return render(request, "events/checkin/index.html", {"dates": dates})


def _expected(occurrence: EventOccurrence, query: str = ""):
    registrations = attendance.registrations_for(occurrence).filter(status__in=EventRegistration.HOLDING)
    if query:
        registrations = registrations.filter(Q(name__icontains=query) | Q(organisation__icontains=query))
    return registrations.annotate(
        here=Count("attendances", filter=Q(attendances__occurrence=occurrence))
    ).order_by("name", "pk")


@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    _require_organiser(request)
    occurrence = get_object_or_404(EventOccurrence.objects.select_related("page"), pk=occurrence_id)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "token":
                done = attendance.check_in_with_token(request.POST.get("token", ""), occurrence)
            elif action == "registration":
                done = attendance.check_in_registration(
                    int(request.POST.get("registration") or 0), occurrence
                )
            elif action == "door":
                done = attendance.register_at_the_door(
                    occurrence,
                    name=request.POST.get("name", ""),
                    email=request.POST.get("email", ""),
                    organisation=request.POST.get("organisation", ""),
                )
            elif action == "close":
                count = attendance.close_check_in(occurrence)
                messages.success(request, _("List closed: %(count)d marked as no-show.") % {"count": count})
                return redirect("events_admin:checkin", occurrence.pk)
            else:
                raise attendance.CheckInError(_("Unknown action."))
        except (attendance.CheckInError, ValueError) as error:
            messages.error(request, getattr(error, "message", _("This registration does not exist.")))
            status = 400
        else:
            messages.success(request, _("%(name)s is checked in.") % {"name": done.registration.name})
            return redirect(reverse("events_admin:checkin", args=[occurrence.pk]))
    query = request.GET.get("q", "").strip()[:100]
    expected = _expected(occurrence)
    context = {
        "occurrence": occurrence,
        "event": occurrence.page,
        "query": query,
        "registrations": _expected(occurrence, query) if query else expected,
        "expected_count": len(expected),
        "checked_in_count": sum(1 for r in expected if r.here),
    }
    return render(request, "events/checkin/checkin.html", context, status=status)


def scan(request: HttpRequest, token: str) -> HttpResponse:
    """Where a phone's own camera app lands from a QR code: confirm the check-in at today's date."""
    _require_organiser(request)
    try:
        registration = attendance.registration_for_checkin_token(token)
    except attendance.CheckInError as error:
        return render(request, "events/checkin/scan.html", {"error": error.message}, status=400)
    dates = EventOccurrence.objects.filter(page_id=registration.event_id).exclude(
        status=EventOccurrence.Status.SKIPPED
    )
    if registration.occurrence_id:
        dates = dates.filter(pk=registration.occurrence_id)
    today = timezone.localdate()
    occurrence = (
        next((d for d in dates.order_by("start") if timezone.localtime(d.start).date() == today), None)
        or dates.order_by("start").first()
    )
    context = {"registration": registration, "occurrence": occurrence, "token": token}
    return render(request, "events/checkin/scan.html", context)


def attendance_list(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    _require_organiser(request)
    occurrence = get_object_or_404(EventOccurrence.objects.select_related("page"), pk=occurrence_id)
    response = HttpResponse(attendance_pdf(occurrence), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="aanwezigheidslijst-{occurrence.pk}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
def cancel_date(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    _require_organiser(request)
    occurrence = get_object_or_404(EventOccurrence.objects.select_related("page"), pk=occurrence_id)
    return _cancel(request, occurrence.page, occurrence)


@require_http_methods(["GET", "POST"])
def cancel_event(request: HttpRequest, page_id: int) -> HttpResponse:
    _require_organiser(request)
    return _cancel(request, get_object_or_404(EventPage, pk=page_id), None)


def _cancel(request: HttpRequest, page: EventPage, occurrence: EventOccurrence | None) -> HttpResponse:
    error = ""
    if request.method == "POST":
        reason = request.POST.get("reason", "")
        try:
            if occurrence is None:
                told = services.cancel_event(page.pk, reason)
            else:
                told = services.cancel_occurrence(occurrence.pk, reason)
        except services.RegistrationError as refusal:
            error = refusal.message
        else:
            messages.success(
                request, _("Cancelled; %(count)d registrants get a mail.") % {"count": len(told)}
            )
            return redirect("events_admin:index")
    context = {"event": page, "occurrence": occurrence, "error": error}
    return render(request, "events/checkin/cancel.html", context, status=400 if error else 200)
