from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cms.files.uploads import ALLOWED_TYPES, max_files, validate_upload
from cms.snippets.forms import HoneypotForm
from cms.snippets.models import TargetGroup, Theme
from cms.text import SingleLineField

from .contributions import ContributionData


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ContributionForm(HoneypotForm):
    """The public form (and API payload) for sharing lesson material."""

    title = SingleLineField(label=_("Title"), max_length=255)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea,
        max_length=5000,
        help_text=_("What do pupils do and learn? What do you need?"),
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=5,
        max_value=600,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    files = MultipleFileField(
        label=_("Files"),
        help_text=format_lazy(_("Allowed: {types}."), types=", ".join(sorted(ALLOWED_TYPES))),
        widget=MultipleFileInput(attrs={"accept": ",".join(f".{e}" for e in sorted(ALLOWED_TYPES))}),
    )
    contributor_name = SingleLineField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    contributor_email = forms.EmailField(
        label=_("Your email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    licence_consent = forms.BooleanField(
        label=_("I made this material (or may share it) and publish it under the CC BY-SA 4.0 licence."),
        error_messages={"required": _("You must agree to publishing under the CC BY-SA 4.0 licence.")},
    )
    # The API has always reported a bot on the honeypot field itself, as "spam".
    honeypot_error_field = "website"
    honeypot_error_code = "spam"

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > max_files():
            raise ValidationError(
                _("You can send at most %(max)s files.") % {"max": max_files()}, code="too_many"
            )
        errors = []
        for upload in files:
            try:
                validate_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files

    def to_data(self) -> ContributionData:
        data = self.cleaned_data
        return ContributionData(
            title=data["title"],
            description=data["description"],
            target_groups=list(data["target_groups"]),
            themes=list(data["themes"]),
            duration_minutes=data["duration_minutes"],
            contributor_name=data["contributor_name"],
            contributor_email=data["contributor_email"],
            licence_consent=data["licence_consent"],
            files=data["files"],
        )
