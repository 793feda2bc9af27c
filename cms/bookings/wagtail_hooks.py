from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from .modeladmin import (
    CoordinatorAdmin,
    LessonOfferingAdmin,
    OwnContributionRuleAdmin,
    TimeSlotAdmin,
    is_coordinator,
    manages_all_bookings,
    visible_bookings,
)
from .models import Booking
from .queries import OfferingFilters, bookable_offerings
from .viewsets import BookingPermissionPolicy, BookingViewSet

register_permission_policy(Booking, BookingPermissionPolicy(Booking))
booking_viewset = BookingViewSet()


@hooks.register("register_admin_viewset")
def register_booking_viewset():
    return booking_viewset


class BookingsGroup(ModelAdminGroup):
    """The "Bookings" menu: the booking list (a Wagtail viewset) first, then the modeladmin lists."""

    menu_label = _("Bookings")
    menu_icon = "date"
    menu_order = 250
    items = (TimeSlotAdmin, LessonOfferingAdmin, OwnContributionRuleAdmin, CoordinatorAdmin)

    def get_submenu_items(self):
        return [booking_viewset.get_menu_item(order=0), *super().get_submenu_items()]


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
            "list_url": reverse(f"{BookingViewSet.name}:index") + "?status=requested",
        }


@hooks.register("construct_homepage_panels")
def booking_requests_panel(request, panels) -> None:
    if manages_all_bookings(request.user) or is_coordinator(request.user):
        panels.append(BookingRequestsPanel(request.user))
