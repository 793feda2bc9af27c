"""Staff admin for lesson offerings and time slots (wagtail-modeladmin), scoped to the coordinator's
techniekhuis, and the scoping rules the booking list (:mod:`cms.bookings.viewsets`) shares.

Superusers see everything; a coordinator (a :class:`~cms.bookings.models.Coordinator` row) sees
and acts on the offerings, slots and bookings of their own techniekhuizen only. State changes go
through :mod:`cms.bookings.services` (with mail), never through a plain edit form, so the
slot counters stay right.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import EditView

from cms.participation import admin as participation_admin

from . import services
from .models import Booking, Coordinator, LessonOffering, OwnContributionRule, TimeSlot


def manages_all_bookings(user: AbstractBaseUser) -> bool:
    """Superusers and site admins (the ``bookings.change_booking`` permission, e.g. the Beheer group)."""
    return user.is_superuser or user.has_perm("bookings.change_booking")


def _own_techniekhuis_ids(user: AbstractBaseUser) -> list[int]:
    """The techniekhuizen of the user's Coordinator rows, remembered on the user object: a request's
    ``request.user`` is asked once per listed row (107 identical queries on one page of the booking
    list at national scale, ``bench/national.py``)."""
    if not user.is_authenticated:
        return []
    ids = getattr(user, "_coordinated_techniekhuis_ids", None)
    if ids is None:
        ids = list(Coordinator.objects.filter(user=user).values_list("techniekhuis_id", flat=True))
        user._coordinated_techniekhuis_ids = ids
    return ids


def coordinated_techniekhuis_ids(user: AbstractBaseUser) -> list[int] | None:
    """The techniekhuizen a user coordinates; ``None`` means all (site admins)."""
    if manages_all_bookings(user):
        return None
    return _own_techniekhuis_ids(user)


def is_coordinator(user: AbstractBaseUser) -> bool:
    return bool(_own_techniekhuis_ids(user))


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


class ScopedModelAdmin(participation_admin.ScopedModelAdmin):
    techniekhuis_path = ""

    def scoped(self, queryset, user):
        return scope(queryset, user, self.techniekhuis_path)


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
