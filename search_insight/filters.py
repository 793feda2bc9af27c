"""The report filters: period and region (of the site the search was made on)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from cms.snippets.models import Region

from .models import SearchClick, SearchLog


class SearchLogFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label=_("Period"))
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=Region.objects.all())

    class Meta:
        model = SearchLog
        fields = ["day", "region"]


class SearchClickFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label=_("Period"), field_name="log__day")
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.all(), field_name="log__region"
    )

    class Meta:
        model = SearchClick
        fields = ["day", "region"]
