from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.options import modeladmin_register

from .modeladmin import BookingsGroup, is_coordinator, manages_all_bookings, visible_bookings
from .models import Booking
from .queries import OfferingFilters, bookable_offerings

modeladmin_register(BookingsGroup)


@hooks.register("techniekhuis_page_sections")
def lesson_offerings_section(page, request) -> str:
    """The techniekhuis page lists its bookable lessons with their open slots and places left."""
    offerings = list(bookable_offerings(OfferingFilters(techniekhuis=page.pk)))
    if not offerings:
        return ""
    return render_to_string(
        "bookings/techniekhuis_section.html", {"offerings": offerings, "page": page}, request=request
    )


class BookingRequestsPanel(Component):
    """On the admin dashboard: the requests this user (a coordinator: their techniekhuis) has to confirm."""

    name = "booking_requests"
    order = 150
    template_name = "bookings/admin/home_panel.html"
    shown = 8

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        requests = visible_bookings(self.user).filter(status=Booking.Status.REQUESTED)
        return {
            "count": requests.count(),
            "bookings": requests.select_related("school", "slot__offering").order_by(
                "slot__date", "slot__start", "pk"
            )[: self.shown],
            "list_url": reverse("bookings_booking_modeladmin_index") + "?status__exact=requested",
        }


@hooks.register("construct_homepage_panels")
def booking_requests_panel(request, panels) -> None:
    if manages_all_bookings(request.user) or is_coordinator(request.user):
        panels.append(BookingRequestsPanel(request.user))
