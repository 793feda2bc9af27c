from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms.exports import SafeSpreadsheetExportMixin

from .models import PartnerOffer


class PartnerOfferFilterSet(WagtailFilterSet):
    class Meta:
        model = PartnerOffer
        fields = [
            "kind",
            "place",
            "active",
            "insurance_needed",
            "partner",
            "partner__region",
            "target_groups",
        ]


class PartnerOfferIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class PartnerOfferViewSet(SnippetViewSet):
    model = PartnerOffer
    index_view_class = PartnerOfferIndexView
    icon = "list-ul"
    menu_label = _("Partner offering")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["title", "partner", "kind", "place", "cost", "active"]
    list_export = [
        "title",
        "partner",
        "kind",
        "place",
        "period",
        "max_pupils",
        "cost",
        "insurance_needed",
        "active",
    ]
    filterset_class = PartnerOfferFilterSet
    search_fields = ["title", "description"]
    ordering = ["partner__name", "title"]


register_snippet(PartnerOfferViewSet)
