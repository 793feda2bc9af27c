from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Milestone, ProgrammeLine
from .permissions import RegionPermissionPolicy, RegionScopedForm, RegionScopedObjectMixin, scoped
from .views import can_view

register_permission_policy(Milestone, RegionPermissionPolicy(Milestone))
register_permission_policy(ProgrammeLine, RegionPermissionPolicy(ProgrammeLine))


class _RegionScopedViewSet(SnippetViewSet):
    edit_view_class = type("EditView", (RegionScopedObjectMixin, snippet_views.EditView), {})
    copy_view_class = type("CopyView", (RegionScopedObjectMixin, snippet_views.CopyView), {})
    delete_view_class = type("DeleteView", (RegionScopedObjectMixin, snippet_views.DeleteView), {})
    usage_view_class = type("UsageView", (RegionScopedObjectMixin, snippet_views.UsageView), {})
    history_view_class = type("HistoryView", (RegionScopedObjectMixin, snippet_views.HistoryView), {})
    inspect_view_class = type("InspectView", (RegionScopedObjectMixin, snippet_views.InspectView), {})

    def get_queryset(self, request):
        return scoped(request.user, self.model.objects.select_related("region"))


class MilestoneViewSet(_RegionScopedViewSet):
    model = Milestone
    icon = "flag"
    list_display = ["code", "text", "region", "due", "kind", "indicator", "target"]
    list_filter = ["region", "kind", "programme_line", "due_year"]
    search_fields = ["code", "text"]
    edit_handler = ObjectList(Milestone.panels, base_form_class=RegionScopedForm)


class ProgrammeLineViewSet(_RegionScopedViewSet):
    model = ProgrammeLine
    icon = "list-ol"
    list_display = ["code", "title", "region"]
    list_filter = ["region"]
    edit_handler = ObjectList(ProgrammeLine.panels, base_form_class=RegionScopedForm)


class MonitoringGroup(SnippetViewSetGroup):
    menu_label = _("Plan milestones")
    menu_icon = "flag"
    menu_order = 910
    items = (MilestoneViewSet, ProgrammeLineViewSet)


register_snippet(MonitoringGroup)


class ProgressMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("milestones/", include("cms.milestones.urls", namespace="milestones"))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ProgressMenuItem(
        _("Milestone progress"), reverse("milestones:progress"), icon_name="tasks", order=905
    )
