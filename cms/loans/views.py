"""Public loan pages: thin views around :mod:`cms.loans.services`."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from cms import ratelimit
from cms.errors import TooManyRequests
from cms.signed_links import InvalidLink

from . import services
from .forms import ChangeReservationForm, PupilsForm, ReservationForm
from .models import Reservation
from .tokens import DONE_LINK


def item_list(request: HttpRequest) -> HttpResponse:
    items = list(services.lendable_items().select_related("lesson_kit"))
    calendars = services.availability_many([item.pk for item in items])
    rows = [(item, calendars.get(item.pk, [])) for item in items]
    return render(request, "loans/item_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def reserve(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(services.lendable_items().select_related("lesson_kit"), pk=item_id)
    status = 200
    if request.method == "POST":
        form = ReservationForm(request.POST, item=item)
        status = 400
        try:
            ratelimit.check(request, "loans")
            if form.is_valid():
                result = services.reserve(form.loan_request())
                if result.reservation is not None:
                    return redirect("loans:done", token=DONE_LINK.make_object({"r": result.reservation.pk}))
                return redirect("loans:done", token=DONE_LINK.make_object({"w": result.waiting.pk}))
        except TooManyRequests as refusal:
            form.add_error(None, refusal.message)
            status = refusal.status
        except services.LoanError as error:
            form.add_domain_error(error)
    else:
        form = ReservationForm(
            initial={"item": item.pk, "start_week": request.GET.get("week", "")}, item=item
        )
    context = {"form": form, "item": item, "calendar": services.availability(item)}
    return render(request, "loans/reservation_form.html", context, status=status)


def done(request: HttpRequest, token: str) -> HttpResponse:
    try:
        value = DONE_LINK.read_object(token)
    except InvalidLink:
        raise Http404 from None
    if not isinstance(value, dict):
        raise Http404
    if "r" in value:
        reservation = get_object_or_404(
            Reservation.objects.select_related("item", "copy__pickup_point", "school"), pk=value["r"]
        )
        return render(request, "loans/reservation_done.html", {"reservation": reservation})
    return render(request, "loans/reservation_done.html", {"waiting": True})


def _manage_context(token: str, reservation: Reservation, **extra) -> dict:
    context = {"token": token, "reservation": reservation, **extra}
    if reservation.status in Reservation.CHANGEABLE and reservation.status != Reservation.Status.OFFERED:
        context.setdefault("change_form", ChangeReservationForm(reservation))
    if reservation.status in (
        Reservation.Status.PICKED_UP,
        Reservation.Status.OVERDUE,
        Reservation.Status.RETURNED,
    ):
        context.setdefault("pupils_form", PupilsForm(initial={"pupils_reached": reservation.pupils_reached}))
    return context


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The page behind the link in the mails: change, cancel, accept an offer, give the pupils reached.

    GET only shows (mail scanners follow links); every change is a POST with an ``action``.
    """
    try:
        reservation = services.reservation_for_token(token)
    except services.InvalidToken as error:
        return render(request, "loans/manage.html", {"error": error.message}, status=400)
    if request.method == "GET":
        return render(request, "loans/manage.html", _manage_context(token, reservation))
    action = request.POST.get("action", "")
    extra: dict = {}
    status = 200
    try:
        ratelimit.check(request, "loans")
        if action == "cancel":
            services.cancel_with_token(token)
            extra["done"] = "cancelled"
        elif action == "accept":
            services.accept_offer(token)
            extra["done"] = "accepted"
        elif action == "change":
            form = ChangeReservationForm(reservation, request.POST)
            extra["change_form"] = form
            if form.is_valid():
                try:
                    result = services.change_reservation(token, form.changes())
                except services.LoanError as error:
                    if isinstance(error, services.InvalidToken | services.InvalidTransition):
                        raise
                    form.add_domain_error(error)
                    status = 400
                else:
                    extra["done"] = "changed" if result.changed else "unchanged"
                    extra.pop("change_form")
            else:
                status = 400
        elif action == "pupils":
            form = PupilsForm(request.POST)
            extra["pupils_form"] = form
            if form.is_valid():
                services.report_pupils(token, form.cleaned_data["pupils_reached"])
                extra["done"] = "pupils"
                extra.pop("pupils_form")
            else:
                status = 400
        else:
            status = 400
    except (services.LoanError, TooManyRequests) as error:
        extra["error"] = error.message
        status = error.status
    reservation = services.reservation_for_token(token)
    return render(request, "loans/manage.html", _manage_context(token, reservation, **extra), status=status)
