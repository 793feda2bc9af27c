from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import can_view


class DashboardMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("funders-dashboard/", include("cms.dashboard.urls", namespace="dashboard"))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return DashboardMenuItem(
        _("Funders' dashboard"), reverse("dashboard:index"), icon_name="table", order=900
    )
