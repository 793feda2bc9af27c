"""Form plumbing shared by the public forms of several apps.

:class:`NewSchoolFieldsForm`: fields for a school that is not in the database yet, validated like
the :class:`~cms.snippets.models.School` snippet. :class:`SchoolLookupForm` adds the known school,
looked up by what a teacher types (bookings, challenge teams); the template
``snippets/school_fields.html`` shows both, with suggestions while typing.

:class:`HoneypotForm`: the hidden "website" field naive bots fill in (every public form).

:class:`SchoolChoiceField`: a choice of known schools, labelled so a teacher recognises theirs.
"""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cms.text import SingleLineField

from .models import School
from .queries import SCHOOLS_LISTED, exact_school_match, find_schools
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


class SchoolLookupForm(NewSchoolFieldsForm):
    """A known school found by its BRIN code or name (never a list of thousands), else a new one.

    ``school_lookup`` holds what was typed; ``school`` carries the choice: the id of a suggestion
    picked while typing (or the API's ``school_id``), or radio buttons when the server finds several
    matches. The ``school`` field's queryset is the set of schools the form accepts (a form that
    takes fewer narrows it in ``__init__``).
    """

    school_lookup = SingleLineField(
        label=_("Your school: BRIN code or name"),
        max_length=200,
        required=False,
        help_text=_("E.g. 12AB or De Regenboog. Leave empty if we don't know your school yet."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    school = SchoolChoiceField(
        label=_("Which school is yours?"),
        queryset=School.objects.all(),
        widget=forms.HiddenInput,
        empty_label=None,
    )

    @property
    def new_school_open(self) -> bool:
        """Show the new school's details unfolded: the teacher typed some, or an error points there."""
        return self.is_bound and (
            any(self.data.get(name) for name in self.new_school_fields)
            or any(name in self.errors for name in ("school_lookup", *self.new_school_fields))
        )

    @property
    def chosen_school(self) -> str:
        """The school picked from the suggestions, as the form shows it again after an error."""
        school = getattr(self, "cleaned_data", {}).get("school")
        if isinstance(school, School) and self.fields["school"].widget.is_hidden:
            return self.fields["school"].label_from_instance(school)
        return ""

    def clean_school_choice(self, data: dict) -> None:
        """Call from ``clean``: the chosen school, else the one typed in ``school_lookup``, else a new one."""
        if data.get("school") or "school" in self.errors:
            return
        if data.get("school_lookup"):
            self._look_up_school(data)
        else:
            self.clean_new_school(
                data,
                _("Look up your school, or fill in your school's details below if we don't know it yet."),
                "school_lookup",
            )

    def _offer_school_choice(self, matches: list[School]) -> None:
        """Show the matching schools as radio buttons (only those, never the whole list)."""
        field = self.fields["school"]
        field.widget = forms.RadioSelect(choices=[(s.pk, field.label_from_instance(s)) for s in matches])

    def _look_up_school(self, data: dict) -> None:
        query = data["school_lookup"]
        matches = find_schools(query, self.fields["school"].queryset)
        if exact := exact_school_match(query, matches):
            data["school"] = exact
        elif len(matches) > SCHOOLS_LISTED:
            self.add_error(
                "school_lookup",
                _("More than 10 schools match “%(query)s”. Type more of the name, or the BRIN code.")
                % {"query": query},
            )
        elif len(matches) == 1:
            self._offer_school_choice(matches)
            self.add_error(
                "school",
                _("One school partly matches “%(query)s”. Choose it if it is yours.") % {"query": query},
            )
        elif matches:
            self._offer_school_choice(matches)
            self.add_error("school", _("Several schools match “%(query)s”. Choose yours.") % {"query": query})
        else:
            self.add_error(
                "school_lookup",
                _(
                    "We don't know a school with this BRIN code or name. Check it, or leave it "
                    "empty and fill in your school's details below."
                ),
            )
