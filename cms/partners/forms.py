from django import forms
from django.utils.translation import gettext_lazy as _

from cms.snippets.models import Region, TargetGroup, Theme

from .models import PartnerOffer
from .services import OfferFilters


class OfferFilterForm(forms.Form):
    """The menukaart's filters as a GET form; every field is optional."""

    kind = forms.ChoiceField(
        label=_("Kind of offer"), required=False, choices=[("", _("All kinds")), *PartnerOffer.Kind.choices]
    )
    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        required=False,
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        empty_label=_("All target groups"),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    place = forms.ChoiceField(
        label=_("Place"), required=False, choices=[("", _("Anywhere")), *PartnerOffer.Place.choices]
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    free = forms.BooleanField(label=_("Free only"), required=False)

    def to_filters(self) -> OfferFilters:
        """The valid part of the submitted criteria (an invalid field counts as "any")."""
        if not self.is_bound:
            return OfferFilters()
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = self.cleaned_data

        def slug(name: str) -> str | None:
            value = data.get(name)
            return value.slug if value else None

        return OfferFilters(
            kind=data.get("kind") or None,
            target_group=slug("target_group"),
            theme=slug("theme"),
            place=data.get("place") or None,
            region=slug("region"),
            free=bool(data.get("free")),
        )
