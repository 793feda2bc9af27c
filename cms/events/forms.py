"""Forms for event registration and challenge teams: one set of rules for the pages and the API."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cms.pages.models import EventPage
from cms.participation.forms import ParticipationForm
from cms.participation.validators import no_html
from cms.snippets.forms import SchoolLookupForm
from cms.snippets.models import School
from cms.snippets.services import NewSchool
from cms.text import SingleLineField

from .models import EventRegistration
from .services import RegistrationRequest, TeamRequest


class RegistrationForm(ParticipationForm):
    name = SingleLineField(
        label=_("Name"),
        max_length=120,
        validators=[no_html],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})
    )
    organisation = SingleLineField(
        label=_("Organisation or school"),
        max_length=200,
        required=False,
        validators=[no_html],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.ChoiceField(label=_("I am a"), choices=EventRegistration.Role.choices)
    occurrence = forms.TypedChoiceField(
        label=_("Date"), coerce=int, required=False, empty_value=None, choices=[], widget=forms.HiddenInput
    )
    waitlist = forms.BooleanField(
        label=_("Put me on the waiting list if the event is full."), required=False, initial=True
    )
    privacy_consent = forms.BooleanField(
        label=_("I agree to the privacy statement: we use these details only for this event."),
        error_messages={"required": _("You must agree to the privacy statement.")},
    )

    def __init__(self, *args, event: EventPage | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["occurrence"]
        if event is not None and event.registration_scope == EventPage.RegistrationScope.OCCURRENCE:
            dates = [d for d in event.dates if not d.is_cancelled and d.start > timezone.now()]
            field.widget = forms.Select()
            field.choices = [("", _("Choose a date"))] + [
                (d.pk, formats.date_format(timezone.localtime(d.start), "l j F Y, H:i")) for d in dates
            ]
            field.required = True
            field.error_messages["required"] = _("Choose a date.")
            field.error_messages["invalid_choice"] = _("Choose one of the dates in the list.")
        elif event is not None:
            # Registration for the whole series: a date given anyway is refused by the service.
            field.choices = [(d.pk, str(d.pk)) for d in event.dates]

    @property
    def per_date(self) -> bool:
        return not isinstance(self.fields["occurrence"].widget, forms.HiddenInput)

    def registration_request(self, event_id: int) -> RegistrationRequest:
        data = self.cleaned_data
        return RegistrationRequest(
            event_id=event_id,
            occurrence_id=data.get("occurrence"),
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            role=data["role"],
            waitlist=data["waitlist"],
            idempotency_key=data["idempotency_key"],
        )


class TeamForm(ParticipationForm, SchoolLookupForm):
    school_type = forms.ChoiceField(
        label=_("Type of school"),
        choices=School.SchoolType.choices,
        initial=School.SchoolType.VMBO,
        required=False,
    )
    team_name = SingleLineField(label=_("Team name"), max_length=100, validators=[no_html])
    pupils = forms.IntegerField(
        label=_("Number of pupils"),
        min_value=1,
        max_value=60,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "min_value": _("A team has at least 1 pupil."),
            "max_value": _("A team has at most 60 pupils."),
        },
    )
    teacher_name = SingleLineField(
        label=_("Supervising teacher"),
        max_length=120,
        validators=[no_html],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    teacher_email = forms.EmailField(
        label=_("Teacher's email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    privacy_consent = forms.BooleanField(
        label=_("I agree to the privacy statement: we use these details only for this challenge."),
        error_messages={"required": _("You must agree to the privacy statement.")},
    )

    new_school_required = ("school_name", "school_brin", "school_postcode", "school_city")

    def clean(self) -> dict:
        data = super().clean()
        self.clean_school_choice(data)
        return data

    def team_request(self, challenge_id: int) -> TeamRequest:
        data = self.cleaned_data
        school = data["school"] or NewSchool(
            **self.new_school_details(), school_type=data["school_type"] or School.SchoolType.VMBO
        )
        return TeamRequest(
            challenge_id=challenge_id,
            school=school,
            team_name=data["team_name"],
            pupils=data["pupils"],
            teacher_name=data["teacher_name"],
            teacher_email=data["teacher_email"],
            idempotency_key=data["idempotency_key"],
        )
