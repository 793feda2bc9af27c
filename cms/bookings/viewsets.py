"""The coordinator's booking list: a Wagtail ``ModelViewSet`` (Wagtail's own listing, filter drawer,
export and inspect views), scoped to the coordinator's techniekhuizen.

Bookings are never added, edited or deleted in the admin: they come in through the public form and
the API, and their state changes go through :func:`cms.bookings.services.apply_transition` (which
mails the school) from the confirm / mark-as-given / cancel views here.
"""

import datetime

from django.contrib.admin.utils import quote, unquote
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from cms.exports import SafeSpreadsheetExportMixin, local_datetime, yes_no
from cms.pages.models import TechniekhuisPage

from . import services
from .modeladmin import coordinated_techniekhuis_ids, is_coordinator, manages_all_bookings, visible_bookings
from .models import Booking, LessonOffering

#: The button labels of the services' state changes; which bookings get which button follows
#: from ``services.TRANSITIONS`` (the one state machine). "Cancel" alone would read like closing
#: the dialog, so the destructive action says what it cancels.
ACTION_LABELS = {
    "confirm": _("Confirm"),
    "complete": _("Mark as given"),
    "cancel": _("Cancel booking"),
}
#: What the coordinator is told after the state change.
DONE_MESSAGES = {
    "confirm": _("Booking of %(school)s confirmed; the school receives an email."),
    "complete": _("Booking of %(school)s marked as given."),
    "cancel": _("Booking of %(school)s cancelled; the school receives an email."),
}
ACTIONS = {action: (ACTION_LABELS[action], allowed) for action, allowed in services.TRANSITIONS.items()}


def slot_when(booking: Booking) -> str:
    return f"{date_format(booking.slot.date, 'D j b Y')} {booking.slot.start:%H:%M}"


def status_label(booking: Booking) -> str:
    return capfirst(booking.get_status_display())


def created_when(booking: Booking) -> str:
    return date_format(local_datetime(booking.created_at), "SHORT_DATETIME_FORMAT")


class BookingPermissionPolicy(ModelPermissionPolicy):
    """Site admins and coordinators may view (their own) bookings; nobody adds, edits or deletes
    them here, superusers included: the services keep the slot counters right."""

    def user_has_permission(self, user: AbstractBaseUser, action: str) -> bool:
        return (
            action == "view"
            and user.is_authenticated
            and (manages_all_bookings(user) or is_coordinator(user))
        )

    def user_has_any_permission(self, user: AbstractBaseUser, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_permission_for(self, user: AbstractBaseUser, action: str) -> QuerySet[Booking]:
        if not self.user_has_permission(user, action):
            return Booking.objects.none()
        return visible_bookings(user)

    def user_has_permission_for_instance(self, user: AbstractBaseUser, action: str, instance) -> bool:
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


def _own_techniekhuizen(request) -> QuerySet[TechniekhuisPage]:
    ids = coordinated_techniekhuis_ids(request.user) if request else []
    houses = TechniekhuisPage.objects.order_by("title")
    return houses if ids is None else houses.filter(pk__in=ids)


def _own_offerings(request) -> QuerySet[LessonOffering]:
    ids = coordinated_techniekhuis_ids(request.user) if request else []
    offerings = LessonOffering.objects.order_by("title")
    return offerings if ids is None else offerings.filter(techniekhuis__in=ids)


class BookingFilterSet(WagtailFilterSet):
    """The filter drawer; a coordinator's choices are their own techniekhuizen and lessons only."""

    status = ChoiceFilter(
        label=capfirst(_("status")), choices=Booking.Status.choices, empty_label=capfirst(_("All"))
    )
    techniekhuis = ModelChoiceFilter(
        label=capfirst(_("techniekhuis")),
        field_name="slot__offering__techniekhuis",
        queryset=_own_techniekhuizen,
    )
    offering = ModelChoiceFilter(
        label=capfirst(_("lesson")), field_name="slot__offering", queryset=_own_offerings
    )
    date = DateFromToRangeFilter(
        label=capfirst(_("date")), field_name="slot__date", widget=DateRangePickerWidget
    )
    group = ChoiceFilter(
        label=capfirst(_("group")), choices=[(n, n) for n in range(3, 9)], empty_label=capfirst(_("All"))
    )

    class Meta:
        model = Booking
        fields = []


class BookingIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return visible_bookings(self.request.user).select_related("slot__offering__techniekhuis", "school")

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), *action_buttons(instance, ListingButton)]

    # Export columns that are not fields of the booking itself.
    def export_offering(self, booking: Booking) -> str:
        return booking.slot.offering.title

    def export_slot_date(self, booking: Booking):
        return booking.slot.date

    def export_slot_time(self, booking: Booking) -> str:
        return f"{booking.slot.start:%H:%M}-{booking.slot.end:%H:%M}"

    def export_school_name(self, booking: Booking) -> str:
        return booking.school.name

    def export_school_brin(self, booking: Booking) -> str:
        return booking.school.brin_code


class ScopedObjectMixin:
    """A booking outside the coordinator's techniekhuizen answers 404 in every per-object view,
    exactly as it is missing from the list (Wagtail looks objects up unscoped)."""

    def get_object(self, queryset=None):
        return get_object_or_404(visible_bookings(self.request.user), pk=unquote(str(self.kwargs["pk"])))

    def dispatch(self, request, *args, **kwargs):
        self.get_object()  # before the permission check, which would answer "not allowed" instead
        return super().dispatch(request, *args, **kwargs)


class BookingEditView(ScopedObjectMixin, EditView):
    pass


class BookingDeleteView(ScopedObjectMixin, DeleteView):
    pass


class BookingHistoryView(ScopedObjectMixin, HistoryView):
    any_permission_required = ["view"]  # the state changes are the history coordinators look for


class BookingUsageView(ScopedObjectMixin, UsageView):
    pass


def action_buttons(booking: Booking, button_class) -> list:
    """The state changes the booking allows now (``services.TRANSITIONS``), as buttons."""
    return [
        button_class(
            label,
            url=reverse(f"{BookingViewSet.name}:{action}", args=(quote(booking.pk),)),
            attrs={"aria-label": f"{label}: {booking}"},
            priority=order,
        )
        for order, (action, (label, allowed)) in enumerate(ACTIONS.items(), start=1)
        if booking.status in allowed
    ]


class BookingInspectView(ScopedObjectMixin, InspectView):
    @cached_property
    def header_buttons(self):
        """The dashboard links here: the coordinator confirms (or cancels) from the booking itself."""
        return action_buttons(self.object, HeaderButton)

    def get_page_subtitle(self):
        return self.object.school.name

    def get_field_display_value(self, field_name, field):
        """Local time (Wagtail's template shows UTC), "Ja"/"Nee", "-" for nothing."""
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime.datetime):
            return date_format(local_datetime(value), "DATETIME_FORMAT")
        if value is None or value == "":
            return "-"
        if field_name == "status":
            return capfirst(value)
        return value


class BookingActionView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation, POST changes the state through the service (which mails)."""

    template_name = "bookings/admin/confirm_action.html"
    header_icon = "date"
    action = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.label, self.allowed = ACTIONS[self.action]
        self.index_url = reverse(f"{BookingViewSet.name}:index")

    def dispatch(self, request, *args, **kwargs):
        if not BookingPermissionPolicy(Booking).user_has_permission(request.user, "view"):
            raise PermissionDenied
        self.booking = get_object_or_404(visible_bookings(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.label

    def get_page_subtitle(self):
        return self.booking.school.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url, "label": Booking._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": self.label, "sublabel": str(self.booking)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            booking=self.booking,
            label=self.label,
            action=self.action,
            allowed=self.allowed,
            index_url=self.index_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        details = {"actual_pupils": request.POST.get("actual_pupils")} if self.action == "complete" else {}
        try:
            services.apply_transition(self.action, self.booking.pk, **details)
        except services.BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, DONE_MESSAGES[self.action] % {"school": self.booking.school.name})
        return redirect(self.index_url)


class BookingViewSet(ModelViewSet):
    model = Booking
    name = "bookings_booking"
    url_prefix = "bookings/booking"
    icon = "date"
    add_to_admin_menu = False  # the "Bookings" menu group lists it (wagtail_hooks)
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = BookingIndexView
    inspect_view_class = BookingInspectView
    edit_view_class = BookingEditView
    delete_view_class = BookingDeleteView
    history_view_class = BookingHistoryView
    usage_view_class = BookingUsageView
    filterset_class = BookingFilterSet
    list_per_page = 50
    list_display = [
        "school",
        Column("offering", label=capfirst(_("lesson")), accessor="slot.offering.title"),
        Column("slot_date", label=capfirst(_("date")), accessor=slot_when, sort_key="slot__date"),
        Column("group", label=capfirst(_("group")), sort_key="group"),
        Column("pupils", label=capfirst(_("pupils")), sort_key="pupils"),
        Column("status", label=capfirst(_("status")), accessor=status_label, sort_key="status"),
        Column("amount_owed", label=capfirst(_("own contribution")), sort_key="amount_owed"),
        # The exact local time, as the export has it (a relative "10 minutes ago" can't be compared).
        Column("created_at", label=capfirst(_("created")), accessor=created_when, sort_key="created_at"),
    ]
    search_fields = ["school__name", "school__brin_code", "contact_name", "email", "slot__offering__title"]
    list_export = [
        "id",
        "status",
        "offering",
        "slot_date",
        "slot_time",
        "school_name",
        "school_brin",
        "contact_name",
        "email",
        "phone",
        "group",
        "pupils",
        "notes",
        "privacy_consent",
        "amount_owed",
        "created_at",
    ]
    export_headings = {
        "id": _("number"),
        "offering": _("lesson"),
        "slot_date": _("date"),
        "slot_time": _("time"),
        "school_name": _("school"),
        "school_brin": _("BRIN code"),
    }
    export_filename = "boekingen"
    inspect_view_fields = [
        "slot",
        "school",
        "status",
        "contact_name",
        "email",
        "phone",
        "group",
        "pupils",
        "notes",
        "privacy_consent",
        "amount_owed",
        "created_at",
        "updated_at",
        "reminder_sent_at",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(
                path(f"{action}/<int:pk>/", BookingActionView.as_view(action=action), name=action)
                for action in ACTIONS
            ),
        ]
