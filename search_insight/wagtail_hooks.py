from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from cms.pages.models import LessonKitPage

from . import services
from .models import SearchClick
from .views import can_view_reports


class ReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view_reports(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("zoekinzicht/", include("search_insight.urls", namespace="search_insight"))]


def _menu_item(label, url_name, order):
    return ReportMenuItem(label, reverse(url_name), icon_name="search", order=order)


@hooks.register("register_reports_menu_item")
def top_queries_menu_item():
    return _menu_item(_("Top search queries"), "search_insight:top_queries", 1400)


@hooks.register("register_reports_menu_item")
def zero_results_menu_item():
    return _menu_item(_("Searches without results"), "search_insight:zero_results", 1401)


@hooks.register("register_reports_menu_item")
def unopened_menu_item():
    return _menu_item(_("Searches whose results nobody opens"), "search_insight:unopened", 1402)


@hooks.register("register_reports_menu_item")
def click_position_menu_item():
    return _menu_item(_("Click position"), "search_insight:click_position", 1403)


class ZeroResultsPanel(Component):
    """On the admin home: this week's searches that found nothing (material to make)."""

    name = "zero_result_searches"
    order = 160
    template_name = "search_insight/home_panel.html"

    def get_context_data(self, parent_context):
        return {
            "queries": services.zero_result_queries_this_week(),
            "report_url": reverse("search_insight:zero_results"),
        }


@hooks.register("construct_homepage_panels")
def zero_results_panel(request, panels) -> None:
    if can_view_reports(request.user):
        panels.append(ZeroResultsPanel())


@hooks.register("construct_download_url")
def keep_search_reference(url: str, request) -> str:
    """A download link on a kit opened from a search result keeps the search and the position."""
    return services.carry_click(url, request)


@hooks.register("before_serve_page")
def count_result_opened(page, request, serve_args, serve_kwargs):
    """A kit opened from a search result link counts as a click at that position."""
    if services.LOG_PARAM in request.GET and isinstance(page.specific_deferred, LessonKitPage):
        services.record_click(request, page.pk, SearchClick.Kind.OPEN)
