"""Staff admin for loans (wagtail-modeladmin, like bookings): lists scoped to the coordinator's pick-up points.

Superusers and site admins (``loans.change_reservation``) see everything; a
:class:`~cms.loans.models.LoanCoordinator` sees the copies and loans of their own pick-up points.
State changes (confirm, cancel, check-out/in, out of service) go through :mod:`cms.loans.services`
with their mails, never through a plain edit form.
"""

from django.contrib import messages
from django.contrib.admin import display
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from cms.participation import admin as participation_admin
from cms.participation.admin import SafeExportIndexView

from . import services
from .models import (
    Copy,
    LendableItem,
    LoanCoordinator,
    LoanVoucher,
    PickupPoint,
    Reservation,
    WaitingListEntry,
)


def manages_all_loans(user: AbstractBaseUser) -> bool:
    return user.is_superuser or user.has_perm("loans.change_reservation")


def coordinated_point_ids(user: AbstractBaseUser) -> list[int] | None:
    """The pick-up points a user works; ``None`` means all (site admins)."""
    if manages_all_loans(user):
        return None
    return list(LoanCoordinator.objects.filter(user=user).values_list("pickup_point_id", flat=True))


def is_loan_coordinator(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and LoanCoordinator.objects.filter(user=user).exists()


def may_work_loans(user: AbstractBaseUser) -> bool:
    return manages_all_loans(user) or is_loan_coordinator(user)


def scope(queryset: QuerySet, user: AbstractBaseUser, point_path: str) -> QuerySet:
    ids = coordinated_point_ids(user)
    return queryset if ids is None else queryset.filter(**{f"{point_path}__in": ids})


class ScopedPermissionHelper(PermissionHelper):
    point_path = ""

    def _visible(self, user, obj) -> bool:
        return scope(self.model._default_manager.filter(pk=obj.pk), user, self.point_path).exists()

    def user_can_list(self, user) -> bool:
        return may_work_loans(user)

    def user_can_inspect_obj(self, user, obj) -> bool:
        return self.inspect_view_enabled and self.user_can_list(user) and self._visible(user, obj)

    def user_can_create(self, user) -> bool:
        return manages_all_loans(user)

    def user_can_edit_obj(self, user, obj) -> bool:
        return may_work_loans(user) and self._visible(user, obj)

    def user_can_delete_obj(self, user, obj) -> bool:
        return manages_all_loans(user)


class CopyPermissionHelper(ScopedPermissionHelper):
    point_path = "pickup_point"

    def user_can_create(self, user) -> bool:
        return may_work_loans(user)


class ReservationPermissionHelper(ScopedPermissionHelper):
    point_path = "copy__pickup_point"

    def user_can_create(self, user) -> bool:
        return False  # reservations come in through the kit page and the API

    def user_can_edit_obj(self, user, obj) -> bool:
        return False  # state changes go through the actions

    def user_can_delete_obj(self, user, obj) -> bool:
        return False  # keep history; anonymise_loans removes personal data

    def user_can_act(self, user, obj) -> bool:
        return self.user_can_list(user) and self._visible(user, obj)


#: Staff actions on a reservation and the statuses they start from (the services re-check them).
ACTIONS = {
    "confirm": (_("Confirm"), (Reservation.Status.REQUESTED,)),
    "cancel": (_("Cancel"), Reservation.CHANGEABLE),
}


class ReservationButtonHelper(ButtonHelper):
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
                        "classname": "button button-small button-secondary",
                        "title": f"{label}: {obj}",
                    }
                )
        return buttons


class ScopedModelAdmin(participation_admin.ScopedModelAdmin):
    point_path = ""

    def scoped(self, queryset, user):
        return scope(queryset, user, self.point_path)


class PickupPointAdmin(ModelAdmin):
    model = PickupPoint
    menu_label = _("Pick-up points")
    menu_icon = "site"
    list_display = ("name", "city", "techniekhuis", "active")
    list_filter = ("active",)
    search_fields = ("name", "city")


class LendableItemAdmin(ModelAdmin):
    model = LendableItem
    menu_label = _("Lendable kits")
    menu_icon = "folder-open-inverse"
    list_display = ("title", "lesson_kit", "min_weeks", "max_weeks", "buffer_days", "fee", "active")
    list_filter = ("active",)
    search_fields = ("title",)


class CopyAdmin(ScopedModelAdmin):
    model = Copy
    menu_label = _("Copies")
    menu_icon = "tag"
    permission_helper_class = CopyPermissionHelper
    point_path = "pickup_point"
    list_display = ("inventory_number", "item", "pickup_point", "status")
    list_filter = ("status", "pickup_point", "item")
    search_fields = ("inventory_number", "item__title")
    list_export = ("inventory_number", "item", "pickup_point", "status", "condition_notes")
    export_filename = "exemplaren"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item", "pickup_point")


class ReservationAdmin(ScopedModelAdmin):
    model = Reservation
    menu_label = _("Loans")
    menu_icon = "date"
    permission_helper_class = ReservationPermissionHelper
    button_helper_class = ReservationButtonHelper
    point_path = "copy__pickup_point"
    inspect_view_enabled = True
    list_display = (
        "school",
        "item",
        "inventory_number",
        "pickup_date",
        "return_date",
        "status",
        "pupils_reached",
    )
    list_filter = ("status", "copy__pickup_point", "item", "pickup_date", "return_date")
    search_fields = ("school__name", "school__brin_code", "contact_name", "email", "copy__inventory_number")
    list_export = (
        "id",
        "status",
        "item",
        "inventory_number",
        "pickup_point",
        "pickup_date",
        "return_date",
        "school_name",
        "school_brin",
        "contact_name",
        "email",
        "phone",
        "amount_owed",
        "pupils_reached",
        "return_notes",
        "created_at",
    )
    export_filename = "uitleningen"
    inspect_view_fields = (
        "item",
        "copy",
        "school",
        "status",
        "contact_name",
        "email",
        "phone",
        "notes",
        "pickup_date",
        "return_date",
        "blocked_until",
        "amount_owed",
        "voucher_amount",
        "picked_up_at",
        "returned_at",
        "pupils_reached",
        "return_notes",
        "created_at",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item", "copy__pickup_point", "school")

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
            reservation = get_object_or_404(self.get_queryset(request), pk=instance_pk)
            if not self.permission_helper.user_can_act(request.user, reservation):
                raise PermissionDenied
            if request.method == "POST":
                try:
                    if action == "confirm":
                        services.confirm_reservation(reservation.pk)
                    else:
                        services.cancel_reservation(reservation.pk)
                except services.LoanError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(
                        request, _("%(action)s: %(loan)s") % {"action": label, "loan": reservation}
                    )
                return redirect(self.url_helper.index_url)
            return TemplateResponse(
                request,
                "loans/admin/confirm_action.html",
                {
                    "reservation": reservation,
                    "label": label,
                    "allowed": allowed,
                    "index_url": self.url_helper.index_url,
                },
            )

        return view

    @display(description=_("inventory number"))
    def inventory_number(self, obj: Reservation) -> str:
        return obj.copy.inventory_number

    @display(description=_("pick-up point"))
    def pickup_point(self, obj: Reservation) -> str:
        return obj.copy.pickup_point.name

    @display(description=_("school"))
    def school_name(self, obj: Reservation) -> str:
        return obj.school.name

    @display(description=_("BRIN code"))
    def school_brin(self, obj: Reservation) -> str:
        return obj.school.brin_code


class WaitingListAdmin(ModelAdmin):
    model = WaitingListEntry
    menu_label = _("Waiting list")
    menu_icon = "list-ul"
    list_display = ("school", "item", "pickup_point", "pickup_date", "return_date", "status", "created_at")
    list_filter = ("status", "item")
    index_view_class = SafeExportIndexView


class LoanVoucherAdmin(ModelAdmin):
    model = LoanVoucher
    menu_label = _("Loan vouchers")
    menu_icon = "tag"
    list_display = ("school", "name", "school_year_start", "free_loans", "used_loans", "budget", "spent")
    list_filter = ("school_year_start",)
    search_fields = ("school__name", "school__brin_code")
    list_export = ("school", "name", "school_year_start", "free_loans", "used_loans", "budget", "spent")
    export_filename = "uitleenvouchers"
    index_view_class = SafeExportIndexView


class LoanCoordinatorAdmin(ModelAdmin):
    model = LoanCoordinator
    menu_label = _("Loan coordinators")
    menu_icon = "group"
    list_display = ("user", "pickup_point")


class LoansGroup(ModelAdminGroup):
    menu_label = _("Loans")
    menu_icon = "folder-open-inverse"
    menu_order = 260
    items = (
        ReservationAdmin,
        CopyAdmin,
        LendableItemAdmin,
        PickupPointAdmin,
        WaitingListAdmin,
        LoanVoucherAdmin,
        LoanCoordinatorAdmin,
    )
