"""The booking form: one set of validation rules for the public form and the JSON API."""

import calendar
import datetime as dt
import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms.participation.forms import DomainErrorsMixin, ParticipationForm
from cms.participation.validators import no_html
from cms.snippets.forms import SchoolLookupForm
from cms.snippets.services import NewSchool
from cms.text import SingleLineField

from .models import Booking, LessonOffering, TimeSlot
from .queries import (
    FilterOptions,
    OfferingFilters,
    bookable_schools,
    open_slots,
)
from .services import (
    GROUPS,
    BookingChanges,
    BookingError,
    BookingRequest,
    check_group,
    check_pupils,
    check_slot_open,
    offering_groups,
)

NOTES_MAX_LENGTH = 2000


def group_choices(groups) -> list[tuple]:
    """A first "choose" option (no default group), then the given groups."""
    return [("", _("Choose a group")), *((n, _("group %(n)s") % {"n": n}) for n in groups)]


phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{10,20}$", _("Enter a valid phone number, e.g. 010-1234567."), code="invalid_phone"
)


class KnownSlotChoiceField(forms.ModelChoiceField):
    """A slot choice that answers the page's own slot (already read by the view) without a query."""

    known: TimeSlot | None = None

    def to_python(self, value):
        if self.known is not None and str(value) == str(self.known.pk):
            return self.known
        return super().to_python(value)


class BookingForm(ParticipationForm, SchoolLookupForm):
    slot = KnownSlotChoiceField(
        queryset=TimeSlot.objects.select_related("offering"),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("This time slot does not exist.")},
    )
    contact_name = SingleLineField(
        label=_("Contact person"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})
    )
    phone = SingleLineField(
        label=_("Phone"),
        max_length=20,
        required=False,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    group = forms.TypedChoiceField(
        label=_("Group"), choices=group_choices(GROUPS), coerce=int, empty_value=None
    )
    pupils = forms.IntegerField(
        label=_("Number of pupils"),
        min_value=1,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "min_value": _("A class has at least 1 pupil."),
            "max_value": _("That is more pupils than fit in one class."),
        },
    )
    notes = forms.CharField(
        label=_("Special needs and notes"),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[no_html],
    )
    privacy_consent = forms.BooleanField(
        label=_("I agree to the privacy statement: we use these details only for this booking."),
        error_messages={"required": _("You must agree to the privacy statement.")},
    )
    waitlist = forms.BooleanField(
        label=_("Put us on the waiting list if the time slot is full."), required=False, initial=True
    )

    def __init__(self, *args, offering: LessonOffering | None = None, slot: TimeSlot | None = None, **kwargs):
        """``offering``: the lesson of the page's slot, whose groups the group field offers;
        ``slot``: the page's slot as the view read it (an open slot), so posting it is not read again."""
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = bookable_schools()  # only schools that book lessons
        self.offering = offering
        self.fields["slot"].known = slot
        if offering is not None:  # offered: the lesson's groups; refused with a reason: check_group
            self.fields["group"].widget.choices = group_choices(offering_groups(offering))

    def clean_slot(self) -> TimeSlot:
        slot = self.cleaned_data["slot"]
        if self.offering is not None and slot.offering_id == self.offering.pk:
            slot.offering = self.offering  # the page's copy, its groups already read
        try:
            check_slot_open(slot)
        except BookingError as error:
            raise forms.ValidationError(error.message, code=error.code) from None
        return slot

    def clean(self) -> dict:
        data = super().clean()
        self.clean_school_choice(data)
        slot, pupils, group = data.get("slot"), data.get("pupils"), data.get("group")
        if slot and pupils:
            try:
                check_pupils(pupils, slot.offering)
            except BookingError as error:
                self.add_domain_error(error)
        if slot and group:
            try:
                check_group(group, slot.offering)
            except BookingError as error:
                self.add_domain_error(error)
        return data

    def booking_request(self) -> BookingRequest:
        data = self.cleaned_data
        school = data.get("school") or NewSchool(**self.new_school_details())
        return BookingRequest(
            slot_id=data["slot"].pk,
            slot=data["slot"],
            school=school,
            contact_name=data["contact_name"],
            email=data["email"],
            phone=data["phone"],
            group=data["group"],
            pupils=data["pupils"],
            notes=data["notes"],
            privacy_consent=data["privacy_consent"],
            idempotency_key=data["idempotency_key"],
            waitlist=data["waitlist"],
        )


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: TimeSlot) -> str:
        label = f"{date_format(obj.date, 'l j F Y')}, {obj.start:%H:%M}–{obj.end:%H:%M}"
        if obj.is_full:
            full = _("full")
            return f"{label} ({full})"
        if obj.classes_left is not None:
            left = ngettext("%(n)s class place left", "%(n)s class places left", obj.classes_left)
            return f"{label} ({left % {'n': obj.classes_left}})"
        return label


class ChangeBookingForm(DomainErrorsMixin, forms.Form):
    """What a school may change through its link; the fields validate as in :class:`BookingForm`."""

    slot = SlotChoiceField(
        label=_("Time slot"),
        queryset=TimeSlot.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("This time slot can no longer be chosen.")},
    )
    pupils = BookingForm.base_fields["pupils"]
    contact_name = BookingForm.base_fields["contact_name"]
    phone = BookingForm.base_fields["phone"]
    notes = BookingForm.base_fields["notes"]

    @staticmethod
    def current_values(booking: Booking) -> dict:
        """The booking's values of the changeable fields (the form's initial data)."""
        return {
            "slot": booking.slot_id,
            "pupils": booking.pupils,
            "contact_name": booking.contact_name,
            "phone": booking.phone,
            "notes": booking.notes,
        }

    def __init__(self, booking: Booking, *args, **kwargs):
        kwargs.setdefault("initial", self.current_values(booking))
        super().__init__(*args, **kwargs)
        self.booking = booking
        # The current slot, and the other slots of the same lesson that are still open.
        self.fields["slot"].queryset = (
            open_slots().filter(offering_id=booking.slot.offering_id)
            | TimeSlot.objects.filter(pk=booking.slot_id)
        ).order_by("date", "start", "pk")

    def clean(self) -> dict:
        data = super().clean()
        if pupils := data.get("pupils"):
            try:
                check_pupils(pupils, self.booking.slot.offering)
            except BookingError as error:
                self.add_domain_error(error)
        return data

    def changes(self) -> BookingChanges:
        data = self.cleaned_data
        return BookingChanges(
            slot_id=data["slot"].pk,
            pupils=data["pupils"],
            contact_name=data["contact_name"],
            phone=data["phone"],
            notes=data["notes"],
        )


MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class OfferingFilterForm(forms.Form):
    """The filters of the public "Boek een les" page (a GET form; the API takes the same names).

    Every field is optional; a value that cannot be used is left out, with its message shown.
    """

    group = forms.TypedChoiceField(
        label=_("Group"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose a group from the list (3 to 8).")},
    )
    techniekhuis = forms.TypedChoiceField(
        label=_("Techniekhuis"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("This techniekhuis has no lessons to book at the moment.")},
    )
    month = forms.CharField(label=_("Month"), required=False, widget=forms.Select)
    theme = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        error_messages={
            "invalid_choice": _("No lessons with the theme “%(value)s” can be booked at the moment.")
        },
    )

    def __init__(self, data, *, options: FilterOptions):
        super().__init__(data)
        self.fields["group"].choices = [
            ("", _("All groups")),
            *((n, _("group %(n)s") % {"n": n}) for n in GROUPS),
        ]
        self.fields["techniekhuis"].choices = [
            ("", _("All techniekhuizen")),
            *((house.pk, house.title) for house in options.techniekhuizen),
        ]
        months = [f"{day:%Y-%m}" for day in options.months]
        asked = (data or {}).get("month", "")
        if (found := MONTH_RE.match(asked)) and 1 <= int(found[2]) <= 12 and asked not in months:
            # a shared link to a month without open slots: shown, and the list says so
            months = sorted([*months, asked])
        self.fields["month"].widget.choices = [
            ("", _("Any date")),
            *((value, date_format(dt.date(int(value[:4]), int(value[5:]), 1), "F Y")) for value in months),
        ]
        self.fields["theme"].choices = [("", _("All themes")), *((t.slug, t.name) for t in options.themes)]
        for field in self.fields.values():
            field.widget.attrs["data-instant"] = ""

    def clean_month(self) -> tuple[dt.date, dt.date] | None:
        value = self.cleaned_data["month"]
        if not value:
            return None
        found = MONTH_RE.match(value)
        if not found or not 1 <= int(found[2]) <= 12 or int(found[1]) < 2000:
            raise forms.ValidationError(_("Choose a month from the list."), code="invalid_month")
        year, month = int(found[1]), int(found[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])

    def to_filters(self, region: str | None = None) -> OfferingFilters:
        """The filters from the valid fields (call after ``is_valid``); ``region``: the site's."""
        data = getattr(self, "cleaned_data", {})
        first, last = data.get("month") or (None, None)
        return OfferingFilters(
            techniekhuis=data.get("techniekhuis"),
            group=data.get("group"),
            theme=data.get("theme") or None,
            region=region,
            date_from=first,
            date_to=last,
        )
