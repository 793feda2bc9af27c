from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CoreGoal, Partner, Region, School, TargetGroup, TechWorld, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TechWorldViewSet(SnippetViewSet):
    model = TechWorld
    icon = "cogs"
    list_display = ["name", "slug"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "level"]
    list_filter = ["level"]


class CoreGoalViewSet(SnippetViewSet):
    model = CoreGoal
    icon = "list-ol"
    list_display = ["number", "name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "site"]


class SchoolViewSet(SnippetViewSet):
    model = School
    icon = "home"
    list_display = ["name", "brin_code", "school_type", "city", "region"]
    list_filter = ["school_type", "region"]
    search_fields = ["name", "brin_code", "city"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "site"
    list_display = ["name", "partner_type", "city", "region"]
    list_filter = ["partner_type", "region"]
    search_fields = ["name", "offering"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 300
    items = (ThemeViewSet, TechWorldViewSet, TargetGroupViewSet, CoreGoalViewSet)


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Reference data")
    menu_icon = "folder-open-inverse"
    menu_order = 310
    items = (RegionViewSet, SchoolViewSet, PartnerViewSet)


register_snippet(TaxonomyGroup)
register_snippet(ReferenceDataGroup)
