"""Staff admin for bookings (wagtail-modeladmin): lists scoped to the coordinator's techniekhuis.

Superusers see everything; a coordinator (a :class:`~cms.bookings.models.Coordinator` row) sees
and acts on the offerings, slots and bookings of their own techniekhuizen only. State changes go
through :mod:`cms.bookings.services` (with mail), never through a plain edit form, so the
slot counters stay right.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import display
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import EditView, IndexView

from cms.exports import SafeSpreadsheetExportMixin

from . import services
from .models import Booking, Coordinator, LessonOffering, OwnContributionRule, TimeSlot

#: The button labels of the services' state changes; which bookings get which button follows
#: from ``services.TRANSITIONS`` (the one state machine).
ACTION_LABELS = {"confirm": _("Confirm"), "complete": _("Mark as given"), "cancel": _("Cancel")}
ACTIONS = {action: (ACTION_LABELS[action], allowed) for action, allowed in services.TRANSITIONS.items()}


def manages_all_bookings(user: AbstractBaseUser) -> bool:
    """Superusers and site admins (the ``bookings.change_booking`` permission, e.g. the Beheer group)."""
    return user.is_superuser or user.has_perm("bookings.change_booking")


def coordinated_techniekhuis_ids(user: AbstractBaseUser) -> list[int] | None:
    """The techniekhuizen a user coordinates; ``None`` means all (site admins)."""
    if manages_all_bookings(user):
        return None
    return list(Coordinator.objects.filter(user=user).values_list("techniekhuis_id", flat=True))


def is_coordinator(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and Coordinator.objects.filter(user=user).exists()


def scope(queryset: QuerySet, user: AbstractBaseUser, techniekhuis_path: str) -> QuerySet:
    ids = coordinated_techniekhuis_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{techniekhuis_path}__in": ids})


def visible_bookings(user: AbstractBaseUser) -> QuerySet[Booking]:
    return scope(Booking.objects.all(), user, "slot__offering__techniekhuis")


class ScopedAdminForm(WagtailAdminModelForm):
    """An admin form whose ``scoped_field`` only offers the coordinator's own techniekhuizen.

    The choices are limited (``scoped_path`` leads from the field's model to the techniekhuis)
    and :meth:`clean` checks the submitted value again, so a forged POST can't attach an
    object to another techniekhuis. Superusers (and forms built without a user) are not limited.
    """

    scoped_field = ""
    scoped_path = ""
    scope_error = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.allowed_techniekhuis_ids = coordinated_techniekhuis_ids(user) if user is not None else None
        field = self.fields.get(self.scoped_field)
        if field is not None and self.allowed_techniekhuis_ids is not None:
            field.queryset = field.queryset.filter(
                **{f"{self.scoped_path}__in": self.allowed_techniekhuis_ids}
            )
            field.required = True  # an object without a techniekhuis would drop out of their view
            # A plain select of their few choices instead of e.g. a page chooser over the whole tree.
            field.widget = forms.Select(attrs=field.widget.attrs)
            field.widget.choices = field.choices

    def techniekhuis_id_of(self, value) -> int | None:
        raise NotImplementedError

    def clean(self):
        data = super().clean()
        if self.allowed_techniekhuis_ids is None or self.scoped_field in self.errors:
            return data
        value = data.get(self.scoped_field)
        if value is None or self.techniekhuis_id_of(value) not in self.allowed_techniekhuis_ids:
            self.add_error(self.scoped_field, forms.ValidationError(self.scope_error, code="scope"))
        return data


class OfferingAdminForm(ScopedAdminForm):
    scoped_field = "techniekhuis"
    scoped_path = "pk"
    scope_error = _("Choose one of your own techniekhuizen.")

    def techniekhuis_id_of(self, value) -> int | None:
        return value.pk


class SlotAdminForm(ScopedAdminForm):
    scoped_field = "offering"
    scoped_path = "techniekhuis"
    scope_error = _("Choose a lesson offering of your own techniekhuis.")

    def techniekhuis_id_of(self, value) -> int | None:
        return value.techniekhuis_id


class ScopedPermissionHelper(PermissionHelper):
    """Coordinators may list and inspect their own objects; model permissions still apply to edits."""

    techniekhuis_path = ""

    def _visible(self, user, obj) -> bool:
        qs = scope(self.model._default_manager.filter(pk=obj.pk), user, self.techniekhuis_path)
        return qs.exists()

    def user_can_list(self, user) -> bool:
        return manages_all_bookings(user) or is_coordinator(user)

    def user_can_inspect_obj(self, user, obj) -> bool:
        return self.inspect_view_enabled and self.user_can_list(user) and self._visible(user, obj)

    def user_can_create(self, user) -> bool:
        return manages_all_bookings(user) or is_coordinator(user)

    def user_can_edit_obj(self, user, obj) -> bool:
        return self.user_can_create(user) and self._visible(user, obj)

    def user_can_delete_obj(self, user, obj) -> bool:
        return manages_all_bookings(user)


class OfferingPermissionHelper(ScopedPermissionHelper):
    techniekhuis_path = "techniekhuis"


class SlotPermissionHelper(ScopedPermissionHelper):
    techniekhuis_path = "offering__techniekhuis"


class BookingPermissionHelper(ScopedPermissionHelper):
    techniekhuis_path = "slot__offering__techniekhuis"

    def user_can_create(self, user) -> bool:
        return False  # bookings come in through the public form and the API

    def user_can_edit_obj(self, user, obj) -> bool:
        return False  # state changes go through the confirm/cancel/complete actions

    def user_can_delete_obj(self, user, obj) -> bool:
        return False  # keep history; anonymise_bookings removes personal data

    def user_can_act(self, user, obj) -> bool:
        return self.user_can_list(user) and self._visible(user, obj)


class BookingButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not self.permission_helper.user_can_act(self.request.user, obj):
            return buttons
        for action, (label, allowed) in ACTIONS.items():
            if obj.status in allowed:
                buttons.append(
                    {
                        "url": self.url_helper.get_action_url(action, obj.pk),
                        "label": label,
                        "classname": self.finalise_classname(
                            ["button", "button-small", "button-secondary", *(classnames_add or [])],
                            classnames_exclude,
                        ),
                        "title": f"{label}: {obj}",
                    }
                )
        return buttons


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class ScopedModelAdmin(ModelAdmin):
    """Every view of one object (inspect, edit, delete, history) finds it only in the scoped list.

    wagtail-modeladmin looks objects up in the unscoped default manager, so an object outside
    the coordinator's techniekhuizen answers 404 here, exactly as it is missing from the index.
    """

    techniekhuis_path = ""
    index_view_class = SafeExportIndexView

    def get_queryset(self, request):
        return scope(super().get_queryset(request), request.user, self.techniekhuis_path)

    def _in_scope(self, request, instance_pk) -> None:
        get_object_or_404(self.get_queryset(request), pk=unquote(instance_pk))

    def inspect_view(self, request, instance_pk):
        self._in_scope(request, instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self._in_scope(request, instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self._in_scope(request, instance_pk)
        return super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self._in_scope(request, instance_pk)
        return super().history_view(request, instance_pk)


class LessonOfferingAdmin(ScopedModelAdmin):
    model = LessonOffering
    menu_label = _("Lesson offerings")
    menu_icon = "doc-full"
    permission_helper_class = OfferingPermissionHelper
    techniekhuis_path = "techniekhuis"
    edit_handler = ObjectList(LessonOffering.panels, base_form_class=OfferingAdminForm)
    list_display = ("title", "techniekhuis", "location_kind", "price", "active")
    list_filter = ("active", "location_kind", "techniekhuis")
    search_fields = ("title",)


class SlotEditView(EditView):
    def form_valid(self, form):
        response = super().form_valid(form)
        promoted = services.capacity_changed(self.instance.pk)
        if promoted:
            messages.success(
                self.request,
                _("%(n)s booking(s) moved up from the waiting list.") % {"n": len(promoted)},
            )
        return response


class TimeSlotAdmin(ScopedModelAdmin):
    model = TimeSlot
    edit_view_class = SlotEditView
    menu_label = _("Time slots")
    menu_icon = "time"
    permission_helper_class = SlotPermissionHelper
    techniekhuis_path = "offering__techniekhuis"
    edit_handler = ObjectList(TimeSlot.panels, base_form_class=SlotAdminForm)
    list_display = ("__str__", "capacity_classes", "booked_classes", "capacity_pupils", "booked_pupils")
    list_filter = ("offering", "date")
    search_fields = ("offering__title",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("offering")


class BookingAdmin(ScopedModelAdmin):
    model = Booking
    menu_label = _("Bookings")
    menu_icon = "date"
    permission_helper_class = BookingPermissionHelper
    button_helper_class = BookingButtonHelper
    techniekhuis_path = "slot__offering__techniekhuis"
    inspect_view_enabled = True
    list_display = (
        "school",
        "offering",
        "slot_date",
        "group",
        "pupils",
        "status",
        "amount_owed",
        "created_at",
    )
    list_filter = ("status", "slot__offering__techniekhuis", "slot__offering", "slot__date", "group")
    search_fields = ("school__name", "school__brin_code", "contact_name", "email", "slot__offering__title")
    list_export = (
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
        "amount_owed",
        "created_at",
    )
    export_filename = "boekingen"
    inspect_view_fields = (
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
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("slot__offering__techniekhuis", "school")

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        return urls + tuple(
            re_path(
                self.url_helper.get_action_url_pattern(action),
                self.action_view(action),
                name=self.url_helper.get_action_url_name(action),
            )
            for action in ACTIONS
        )

    def action_view(self, action: str):
        """GET asks for confirmation, POST changes the state through the service (which mails)."""
        label, allowed = ACTIONS[action]

        def view(request, instance_pk):
            booking = get_object_or_404(visible_bookings(request.user), pk=instance_pk)
            if not self.permission_helper.user_can_act(request.user, booking):
                raise PermissionDenied
            if request.method == "POST":
                try:
                    details = (
                        {"actual_pupils": request.POST.get("actual_pupils")} if action == "complete" else {}
                    )
                    services.apply_transition(action, booking.pk, **details)
                except services.BookingError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(
                        request, _("%(action)s: %(booking)s") % {"action": label, "booking": booking}
                    )
                return redirect(self.url_helper.index_url)
            return TemplateResponse(
                request,
                "bookings/admin/confirm_action.html",
                {
                    "booking": booking,
                    "label": label,
                    "action": action,
                    "view": self,
                    "allowed": allowed,
                    "index_url": self.url_helper.index_url,
                },
            )

        return view

    @display(description=_("lesson"))
    def offering(self, obj: Booking) -> str:
        return obj.slot.offering.title

    @display(description=_("date"))
    def slot_date(self, obj: Booking):
        return obj.slot.date

    @display(description=_("time"))
    def slot_time(self, obj: Booking) -> str:
        return f"{obj.slot.start:%H:%M}-{obj.slot.end:%H:%M}"

    @display(description=_("school"))
    def school_name(self, obj: Booking) -> str:
        return obj.school.name

    @display(description=_("BRIN code"))
    def school_brin(self, obj: Booking) -> str:
        return obj.school.brin_code


class OwnContributionRuleAdmin(ModelAdmin):
    model = OwnContributionRule
    menu_label = _("Own contribution")
    menu_icon = "cog"
    list_display = ("school_year_start", "percentage")


class CoordinatorAdmin(ModelAdmin):
    model = Coordinator
    menu_label = _("Coordinators")
    menu_icon = "group"
    list_display = ("user", "techniekhuis")


class BookingsGroup(ModelAdminGroup):
    menu_label = _("Bookings")
    menu_icon = "date"
    menu_order = 250
    items = (BookingAdmin, TimeSlotAdmin, LessonOfferingAdmin, OwnContributionRuleAdmin, CoordinatorAdmin)
