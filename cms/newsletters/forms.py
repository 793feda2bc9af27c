from django import forms
from django.utils.translation import gettext_lazy as _

from cms.snippets.forms import HoneypotForm
from cms.snippets.models import Region
from cms.snippets.regions import covered_region_ids
from cms.text import SingleLineField

from .models import NAME_MAX_LENGTH, Segment
from .permissions import selectable_regions
from .services import read_subscriber_csv


class PreferencesForm(forms.Form):
    name = SingleLineField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    segments = forms.ModelMultipleChoiceField(
        label=_("Mailing lists"),
        queryset=Segment.objects.filter(is_public=True),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), to_field_name="slug", required=False
    )


class SubscribeForm(HoneypotForm, PreferencesForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    consent = forms.BooleanField(
        label=_("I want to receive the newsletter and agree to the privacy statement."),
        error_messages={"required": _("Please give your consent to receive the newsletter.")},
    )
    field_order = ["email", "name", "segments", "region", "consent"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class SendForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        help_text=_("Leave empty to send now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    again = forms.BooleanField(
        label=_("Send again"),
        required=False,
        help_text=_(
            "Only for a newsletter that was sent before: everyone in its audience gets it once more."
        ),
    )


class TestSendForm(forms.Form):
    email = forms.EmailField(label=_("Send a test to"), max_length=254)


class ImportSubscribersForm(forms.Form):
    """Upload of an existing list (CSV with an ``email`` and optional ``name`` column)."""

    MAX_BYTES = 2 * 1024 * 1024

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns “email” and optionally “name”; comma or semicolon separated; at most 2 MB."),
    )
    segments = forms.ModelMultipleChoiceField(
        label=_("Add to mailing lists"), queryset=Segment.objects.all(), required=False
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False)
    consent = forms.BooleanField(
        label=_("These people gave their consent, and we have recorded it"),
        required=False,
        help_text=_(
            "Only then do the addresses become active. Without it they are stored as pending: they get "
            "nothing, and no mail asks them; once they subscribe on the site themselves and confirm, they are active."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:  # the regions the user covers (and one of them, unless they cover all)
            self.fields["region"].queryset = selectable_regions(user)
            self.fields["region"].required = covered_region_ids(user) is not None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Upload a .csv file."), code="file_type")
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."), code="file_size")

        try:
            self.rows = read_subscriber_csv(upload)
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("Save the file as UTF-8 text (CSV UTF-8)."), code="encoding"
            ) from None
        except ValueError as error:
            raise forms.ValidationError(str(error), code="columns") from None
        return upload
