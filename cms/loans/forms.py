"""The reservation form: one set of validation rules for the kit page and the JSON API."""

import datetime as dt

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from cms.participation.forms import DomainErrorsMixin, ParticipationForm
from cms.participation.validators import no_html
from cms.snippets.forms import NewSchoolFieldsForm, SchoolChoiceField
from cms.snippets.models import School
from cms.snippets.services import NewSchool
from cms.text import SingleLineField

from .models import Copy, LendableItem, PickupPoint, Reservation
from .services import CALENDAR_WEEKS, LoanChanges, LoanError, LoanRequest, check_period, monday

NOTES_MAX_LENGTH = 2000

phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{10,20}$", _("Enter a valid phone number, e.g. 010-1234567."), code="invalid_phone"
)


def week_choices(item: LendableItem, today: dt.date | None = None) -> list[tuple[str, str]]:
    """The Mondays a loan of ``item`` can still start on (lead time respected), for the coming weeks."""
    today = today or timezone.localdate()
    first = monday(today)
    choices = [("", _("Choose a week"))]
    for n in range(CALENDAR_WEEKS + 1):
        week = first + dt.timedelta(weeks=n)
        if week >= today + dt.timedelta(days=item.lead_time_days):
            label = _("week %(number)s, from %(date)s") % {
                "number": week.isocalendar().week,
                "date": date_format(week, "j F Y"),
            }
            choices.append((week.isoformat(), label))
    return choices


class ReservationForm(ParticipationForm, NewSchoolFieldsForm):
    item = forms.ModelChoiceField(
        queryset=LendableItem.objects.filter(active=True),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("This kit cannot be borrowed.")},
    )
    pickup_point = forms.ModelChoiceField(
        label=_("Pick-up point"),
        queryset=PickupPoint.objects.filter(active=True),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the pick-up points.")},
    )
    start_week = forms.DateField(
        label=_("First week of the loan"),
        help_text=_("You pick up the kit on the Monday of this week."),
        widget=forms.Select,
        error_messages={"invalid": _("Choose a week.")},
    )
    weeks = forms.TypedChoiceField(label=_("Number of weeks"), coerce=int, choices=[])
    # A known school is chosen by its id (the API's ``school_id``) or its BRIN code; a new one
    # comes with its details (NewSchoolFieldsForm).
    school = SchoolChoiceField(
        queryset=School.objects.all(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Choose a school from the list.")},
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
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[no_html],
    )
    privacy_consent = forms.BooleanField(
        label=_("I agree to the privacy statement: we use these details only for this loan."),
        error_messages={"required": _("You must agree to the privacy statement.")},
    )
    waitlist = forms.BooleanField(
        label=_("Put us on the waiting list if no copy is free."), required=False, initial=True
    )

    def __init__(self, *args, item: LendableItem | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item or self._posted_item()
        self.fields["weeks"].choices = [(n, str(n)) for n in range(1, 27)]
        if self.item is not None:
            points = PickupPoint.objects.filter(
                active=True, copies__item=self.item, copies__status=Copy.Status.IN_SERVICE
            ).distinct()
            self.fields["pickup_point"].queryset = points
            if len(points) == 1:
                self.fields["pickup_point"].initial = points[0].pk
            self.fields["start_week"].widget.choices = week_choices(self.item)
            self.fields["weeks"].choices = [
                (n, str(n)) for n in range(self.item.min_weeks, self.item.max_weeks + 1)
            ]
            self.fields["weeks"].initial = self.item.min_weeks

    def _posted_item(self) -> LendableItem | None:
        value = self.data.get("item") if self.data else None
        try:
            return LendableItem.objects.filter(pk=int(value)).first() if value else None
        except (TypeError, ValueError):
            return None

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("school") and "school" not in self.errors:
            self.clean_new_school(
                data,
                _("Fill in your school's BRIN code; if we don't know your school yet, also its details."),
                "school_brin",
            )
        item, start, weeks = data.get("item"), data.get("start_week"), data.get("weeks")
        if item and start and weeks:
            try:
                check_period(item, start, weeks)
            except LoanError as error:
                self.add_domain_error(error)
        return data

    def loan_request(self) -> LoanRequest:
        data = self.cleaned_data
        school = data.get("school") or NewSchool(**self.new_school_details())
        return LoanRequest(
            item_id=data["item"].pk,
            pickup_point_id=data["pickup_point"].pk,
            start_week=data["start_week"],
            weeks=data["weeks"],
            school=school,
            contact_name=data["contact_name"],
            email=data["email"],
            phone=data["phone"],
            notes=data["notes"],
            privacy_consent=data["privacy_consent"],
            idempotency_key=data["idempotency_key"],
            waitlist=data["waitlist"],
        )


class ChangeReservationForm(DomainErrorsMixin, forms.Form):
    """What a school may change through its link; fields validate as in :class:`ReservationForm`."""

    start_week = forms.DateField(label=_("First week of the loan"), widget=forms.Select)
    weeks = forms.TypedChoiceField(label=_("Number of weeks"), coerce=int, choices=[])
    contact_name = ReservationForm.base_fields["contact_name"]
    phone = ReservationForm.base_fields["phone"]
    notes = ReservationForm.base_fields["notes"]

    @staticmethod
    def current_values(reservation: Reservation) -> dict:
        return {
            "start_week": reservation.pickup_date.isoformat(),
            "weeks": reservation.weeks,
            "contact_name": reservation.contact_name,
            "phone": reservation.phone,
            "notes": reservation.notes,
        }

    def __init__(self, reservation: Reservation, *args, **kwargs):
        kwargs.setdefault("initial", self.current_values(reservation))
        super().__init__(*args, **kwargs)
        self.reservation = reservation
        item = reservation.item
        choices = week_choices(item)
        current = reservation.pickup_date.isoformat()
        if current not in dict(choices):
            choices.insert(1, (current, date_format(reservation.pickup_date, "j F Y")))
        self.fields["start_week"].widget.choices = choices
        self.fields["weeks"].choices = [(n, str(n)) for n in range(item.min_weeks, item.max_weeks + 1)]

    def changes(self) -> LoanChanges:
        data = self.cleaned_data
        return LoanChanges(
            start_week=data["start_week"],
            weeks=data["weeks"],
            contact_name=data["contact_name"],
            phone=data["phone"],
            notes=data["notes"],
        )


class PupilsForm(forms.Form):
    pupils_reached = forms.IntegerField(
        label=_("Number of pupils who worked with the kit"),
        min_value=1,
        max_value=1000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class InventoryNumberForm(forms.Form):
    """The coordinator types or scans an inventory number (a scanner types it and presses Enter)."""

    inventory_number = SingleLineField(
        label=_("Inventory number"),
        max_length=40,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off", "spellcheck": "false"}),
    )
    pupils_reached = forms.IntegerField(label=_("Pupils reached (on return)"), required=False, min_value=1)
    damage = forms.CharField(
        label=_("Damage or missing parts (on return)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    out_of_service = forms.BooleanField(label=_("Take the copy out of service"), required=False)
