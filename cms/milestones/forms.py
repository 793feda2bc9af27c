import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.snippets.models import Region

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    file = forms.FileField(
        label=_("Milestone table"),
        help_text=_("A .csv or .xlsx file with the columns Nr., Beschrijving mijlpaal and Behaald."),
    )
    start_date = forms.DateField(
        label=_("Count figures from"),
        help_text=_("The start of the plan, e.g. 2025-01-01."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["region"]
        field.queryset = regions if regions is not None else Region.objects.all()
        if field.queryset.count() == 1:  # a regional project leader: their region, no choice to make
            field.empty_label = None
        self.fields["start_date"].initial = dt.date(timezone.localdate().year, 1, 1)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload
