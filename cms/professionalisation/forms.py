from django import forms
from django.utils.translation import gettext_lazy as _

from cms.participation.forms import DomainErrorsMixin
from cms.snippets.forms import SchoolChoiceField, name_required_fields
from cms.snippets.models import School
from cms.snippets.validators import normalize_brin, validate_brin


class RecordLinkForm(DomainErrorsMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("The address you registered with for activities."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class ConsentForm(forms.Form):
    school = SchoolChoiceField(
        label=_("Share the totals (number of activities and hours, no details) with this school"),
        required=False,
        queryset=School.objects.order_by("name"),
        empty_label=_("— share with no school —"),
    )


class SchoolLinkForm(DomainErrorsMixin, forms.Form):
    """The school's contact asks for the overview's link by the school's BRIN code."""

    brin_code = forms.CharField(
        label=_("Your school's BRIN code"),
        help_text=_("4 characters, 2 digits and 2 letters (e.g. 12AB), or 6 with the location number."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_required_fields(self)

    def clean_brin_code(self) -> School:
        code = normalize_brin(self.cleaned_data["brin_code"])
        validate_brin(code)
        school = School.objects.select_related("region__site").filter(brin_code=code).first()
        if school is None:
            raise forms.ValidationError(
                _("We do not know a school with this BRIN code. Check the code, or ask the region's office."),
                code="unknown_school",
            )
        return school
