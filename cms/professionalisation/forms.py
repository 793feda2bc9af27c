from django import forms
from django.utils.translation import gettext_lazy as _

from cms.participation.forms import DomainErrorsMixin
from cms.snippets.forms import SchoolChoiceField
from cms.snippets.models import School


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
