"""Public booking pages: thin views around :mod:`cms.bookings.services`."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from cms.participation.views import submit
from cms.signed_links import InvalidLink
from cms.snippets.models import Region

from . import services
from .forms import BookingForm, ChangeBookingForm, OfferingFilterForm
from .models import Booking
from .queries import bookable_offerings, offering_filter_options, open_slots
from .tokens import DONE_LINK

#: Lessons per page of the booking list.
PAGE_SIZE = 10


def _site_region(request: HttpRequest) -> str | None:
    """The slug of the region whose site serves the request (its lessons are the ones listed)."""
    site = Site.find_for_request(request)
    return Region.objects.filter(site=site).values_list("slug", flat=True).first() if site else None


def offering_list(request: HttpRequest) -> HttpResponse:
    """ "Boek een les": the region's bookable lessons with their next open slots, filtered by a GET form
    (the URL keeps the state); ``/api/v3/bookings/offerings/`` lists the same with the same filters."""
    region = _site_region(request)
    form = OfferingFilterForm(request.GET, options=offering_filter_options(region))
    form.is_valid()
    filters = form.to_filters(region)
    page = Paginator(bookable_offerings(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    chips = []  # the active filters, each with a link that removes it
    for name in ("group", "techniekhuis", "month", "theme"):
        if form.cleaned_data.get(name) in (None, ""):
            continue
        field = form[name]
        labels = {str(value): label for value, label in field.field.widget.choices}
        query = request.GET.copy()
        query.pop(name, None)
        query.pop("page", None)
        chips.append(
            {
                "label": field.label,
                "value": labels.get(str(field.value()), field.value()),
                "remove_url": f"?{query.urlencode()}" if query else request.path,
            }
        )
    return render(
        request,
        "bookings/offering_list.html",
        {
            "form": form,
            "page_obj": page,
            "offerings": page.object_list,
            "chips": chips,
            "group": filters.group,
            "clear_url": request.path,
        },
    )


@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, slot_id: int) -> HttpResponse:
    slot = get_object_or_404(open_slots().select_related("offering__techniekhuis"), pk=slot_id)
    status = 200
    if request.method == "POST":
        form = BookingForm(request.POST, offering=slot.offering, slot=slot)
        booking, status = submit(
            request,
            form,
            "bookings",
            lambda form: services.book_slot(form.booking_request()).booking,
            services.BookingError,
        )
        if booking is not None:
            return redirect("bookings:done", token=DONE_LINK.make_object(booking.pk))
    else:
        initial = {"slot": slot.pk}
        if (group := request.GET.get("group", "")).isdigit() and int(group) in services.offering_groups(
            slot.offering
        ):
            initial["group"] = int(group)  # chosen in the list's group filter
        form = BookingForm(initial=initial, offering=slot.offering)
    return render(request, "bookings/booking_form.html", {"form": form, "slot": slot}, status=status)


def done(request: HttpRequest, token: str) -> HttpResponse:
    try:
        booking_id = DONE_LINK.read_object(token)
    except InvalidLink:
        raise Http404 from None
    booking = get_object_or_404(Booking.objects.select_related("slot__offering", "school"), pk=booking_id)
    return render(request, "bookings/booking_done.html", {"booking": booking, "slot": booking.slot})


def _manage_context(token: str, booking: Booking, form: ChangeBookingForm | None = None) -> dict:
    """The manage page: the booking, the change form while changes are allowed, the cancel button."""
    context = {"token": token, "booking": booking, "slot": booking.slot}
    if booking.status == Booking.Status.CANCELLED:
        return context
    try:
        services.check_changeable(booking, booking.slot)
    except services.BookingError as error:
        context["change_closed"] = error.message
    else:
        context["change_form"] = form or ChangeBookingForm(booking)
    return context


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The page behind the link in the mails: change or cancel the booking.

    GET only shows the booking and the forms (mail scanners follow links); only POST cancels.
    """
    try:
        booking = services.booking_for_token(token)
    except services.InvalidToken as error:
        return render(request, "bookings/cancel.html", {"error": error.message}, status=400)
    if request.method == "POST":
        try:
            services.cancel_with_token(token)
        except services.BookingError as error:
            context = {**_manage_context(token, booking), "error": error.message}
            return render(request, "bookings/cancel.html", context, status=400)
        booking.refresh_from_db()
        return render(
            request, "bookings/cancel.html", {"booking": booking, "slot": booking.slot, "cancelled": True}
        )
    context = _manage_context(token, booking)
    if booking.status == Booking.Status.CANCELLED:
        context["error"] = _("This booking has already been cancelled.")
    return render(request, "bookings/cancel.html", context)


@require_http_methods(["GET", "POST"])
def change(request: HttpRequest, token: str) -> HttpResponse:
    """POST of the change form on the manage page; a GET goes to that page."""
    try:
        booking = services.booking_for_token(token)
    except services.InvalidToken as error:
        return render(request, "bookings/cancel.html", {"error": error.message}, status=400)
    if request.method == "GET":
        return redirect("bookings:cancel", token=token)
    form = ChangeBookingForm(booking, request.POST)
    if form.is_valid():
        try:
            result = services.change_booking(token, form.changes())
        except (services.InvalidToken, services.InvalidTransition, services.ChangeClosed) as error:
            booking = services.booking_for_token(token)
            context = {**_manage_context(token, booking), "error": error.message}
            return render(request, "bookings/cancel.html", context, status=400)
        except services.BookingError as error:
            form.add_domain_error(error)
        else:
            booking = services.booking_for_token(token)  # fresh: slot, status and counters
            context = {**_manage_context(token, booking), "changed": result.changed}
            return render(request, "bookings/cancel.html", context)
    return render(request, "bookings/cancel.html", _manage_context(token, booking, form), status=400)
