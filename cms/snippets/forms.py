"""Form plumbing shared by the public forms of several apps.

:class:`NewSchoolFieldsForm`: fields for a school that is not in the database yet (bookings,
challenge teams). A form offers a known school (its own way: lookup or list) and, for a new one,
these fields, validated like the :class:`~cms.snippets.models.School` snippet.

:class:`HoneypotForm`: the hidden "website" field naive bots fill in (every public form).

:class:`SchoolChoiceField`: a choice of known schools, labelled so a teacher recognises theirs.
"""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cms.text import SingleLineField

from .models import School
from .validators import normalize_brin, normalize_postcode, validate_brin, validate_postcode


def name_required_fields(form: forms.Form) -> None:
    """A missing field's message names it: the error summary lists them, and five times "This field
    is required." tells nobody which field. Fields with their own message keep it."""
    default = forms.Field.default_error_messages["required"]
    for field in form.fields.values():
        if field.required and str(field.error_messages.get("required")) == str(default):
            field.error_messages = {
                **field.error_messages,
                "required": format_lazy(_("{field}: this field is required."), field=field.label),
            }


class HoneypotForm(forms.Form):
    """A field hidden from people (render it in a ``visually-hidden``, ``aria-hidden`` wrapper).

    Bots that fill in every field are refused with a neutral message; the API passes the same
    ``website`` member on, so both refuse alike. The refusal is a form-wide error unless a form
    names a field (``honeypot_error_field``) and code for it (kept where API clients rely on them).
    """

    honeypot_error_field: str | None = None
    honeypot_error_code = "honeypot"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = self.fields.pop("website")  # last, after the fields people fill in
        name_required_fields(self)

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),  # out of reach for people
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("website"):
            error = forms.ValidationError(
                _("Your submission could not be processed."), code=self.honeypot_error_code
            )
            if self.honeypot_error_field is None:
                raise error  # before the subclass's own checks: a bot's other fields don't matter
            self.add_error(self.honeypot_error_field, error)
        return data


class SchoolChoiceField(forms.ModelChoiceField):
    """Optional by default: a form that offers known schools also takes a new one's details."""

    default_error_messages = {"invalid_choice": _("Choose a school from the list.")}

    def __init__(self, *args, required: bool = False, **kwargs):
        super().__init__(*args, required=required, **kwargs)

    def label_from_instance(self, obj: School) -> str:
        return f"{obj.name} ({obj.brin_code}){', ' + obj.city if obj.city else ''}"


def _school_input(autocomplete: str, **attrs: str) -> forms.TextInput:
    """The school's address is not the teacher's own: a "school" section keeps autofill apart."""
    return forms.TextInput(attrs={"autocomplete": f"section-school {autocomplete}", **attrs})


class NewSchoolFieldsForm(forms.Form):
    school_name = SingleLineField(
        label=_("School name"), max_length=200, required=False, widget=_school_input("organization")
    )
    school_brin = SingleLineField(
        label=_("BRIN code"),
        max_length=8,
        required=False,
        help_text=_("E.g. 12AB or 12AB00."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    school_street = SingleLineField(
        label=_("Street and number"), max_length=200, required=False, widget=_school_input("address-line1")
    )
    school_postcode = SingleLineField(
        label=_("Postcode"),
        max_length=8,
        required=False,
        widget=_school_input("postal-code", autocapitalize="characters"),
    )
    school_city = SingleLineField(
        label=_("City"), max_length=100, required=False, widget=_school_input("address-level2")
    )

    #: The fields that describe a new school, and those it needs (a subclass may ask for fewer).
    new_school_fields = ("school_name", "school_brin", "school_street", "school_postcode", "school_city")
    new_school_required = new_school_fields

    def clean_school_brin(self) -> str:
        value = normalize_brin(self.cleaned_data.get("school_brin", ""))
        if value:
            validate_brin(value)
        return value

    def clean_school_postcode(self) -> str:
        value = self.cleaned_data.get("school_postcode", "").strip()
        if value:
            validate_postcode(value)
            value = normalize_postcode(value)
        return value

    def clean_new_school(self, data: dict, missing_message: str, choice_field: str) -> None:
        """No school chosen: take the known school with the typed BRIN code, or require the new one's fields.

        A known BRIN code needs no other details. With every detail typed the form doesn't look
        the code up: :func:`~cms.snippets.services.resolve_school` registers the school in one
        statement that gives the known school's row for a known code (a query less per request).
        Nothing typed at all is one message on ``choice_field`` (where a teacher picks a known
        school), not the same sentence under every new-school field; a half-filled new school
        names each missing field.
        """
        brin = data.get("school_brin")
        complete = all(data.get(name) for name in self.new_school_required)
        known = School.objects.filter(brin_code=brin).first() if brin and not complete else None
        if known:
            data["school"] = known
            return
        if not any(data.get(name) for name in self.new_school_fields) and not any(
            name in self.errors for name in self.new_school_fields
        ):
            if choice_field not in self.errors:
                self.add_error(choice_field, missing_message)
            return
        for name in self.new_school_required:
            if not data.get(name) and name not in self.errors:
                self.add_error(
                    name,
                    forms.ValidationError(
                        _("%(field)s: needed for a new school.") % {"field": self.fields[name].label},
                        code="required",
                    ),
                )

    def new_school_details(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            "name": data["school_name"],
            "brin_code": data["school_brin"],
            "street": data["school_street"],
            "postcode": data["school_postcode"],
            "city": data["school_city"],
        }
