"""Wagtail report views over the search log (period and region filters, CSV/XLSX export)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from cms.exports import SafeSpreadsheetExportMixin

from . import services
from .filters import SearchClickFilterSet, SearchLogFilterSet
from .models import SearchClick, SearchLog

permission_policy = ModelPermissionPolicy(SearchLog)


def can_view_reports(user) -> bool:
    return permission_policy.user_has_permission(user, "view")


class _SearchReport(SafeSpreadsheetExportMixin, ReportView):
    """A report of grouped rows; the filters apply to the searches before grouping."""

    permission_policy = permission_policy
    permission_required = "view"
    filterset_class = SearchLogFilterSet
    header_icon = "search"
    paginate_by = 50
    base_model = SearchLog

    def get_base_queryset(self) -> QuerySet:
        return self.base_model.objects.all()

    def report(self, rows: QuerySet) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet:
        return self.report(self.filter_queryset(self.get_base_queryset()))

    def get_filtered_queryset(self) -> QuerySet:
        return self.get_queryset()

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))


_QUERY = Column("query", label=_("Query"))
_SEARCHES = Column("searches", label=_("Searches"))
_LAST_DAY = Column("last_day", label=_("Last searched"))


class _Rounded(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else f"{value:.1f}"


class TopQueriesView(_SearchReport):
    page_title = _("Top search queries")
    index_url_name = "search_insight:top_queries"
    index_results_url_name = "search_insight:top_queries_results"
    export_filename = "zoekvragen"
    columns = [
        _QUERY,
        _SEARCHES,
        _Rounded("average_hits", label=_("Average results")),
        Column("searches_opened", label=_("Searches with a result opened")),
        _LAST_DAY,
    ]
    list_export = ["query", "searches", "average_hits", "searches_opened", "last_day"]
    export_headings = {
        "query": _("Query"),
        "searches": _("Searches"),
        "average_hits": _("Average results"),
        "searches_opened": _("Searches with a result opened"),
        "last_day": _("Last searched"),
    }

    def report(self, rows):
        return services.top_queries(rows)


class ZeroResultQueriesView(_SearchReport):
    page_title = _("Searches without results")
    index_url_name = "search_insight:zero_results"
    index_results_url_name = "search_insight:zero_results_results"
    export_filename = "zoekvragen-zonder-resultaat"
    columns = [_QUERY, _SEARCHES, _LAST_DAY]
    list_export = ["query", "searches", "last_day"]
    export_headings = {"query": _("Query"), "searches": _("Searches"), "last_day": _("Last searched")}

    def report(self, rows):
        return services.zero_result_queries(rows)


class UnopenedQueriesView(_SearchReport):
    page_title = _("Searches whose results nobody opens")
    index_url_name = "search_insight:unopened"
    index_results_url_name = "search_insight:unopened_results"
    export_filename = "zoekvragen-niet-geopend"
    columns = [_QUERY, _SEARCHES, _Rounded("average_hits", label=_("Average results")), _LAST_DAY]
    list_export = ["query", "searches", "average_hits", "last_day"]
    export_headings = {
        "query": _("Query"),
        "searches": _("Searches"),
        "average_hits": _("Average results"),
        "last_day": _("Last searched"),
    }

    def report(self, rows):
        return services.unopened_queries(rows)


class ClickPositionView(_SearchReport):
    page_title = _("Click position")
    index_url_name = "search_insight:click_position"
    index_results_url_name = "search_insight:click_position_results"
    export_filename = "klikpositie"
    filterset_class = SearchClickFilterSet
    base_model = SearchClick
    columns = [
        Column("position", label=_("Position in the results")),
        Column("opened", label=_("Opened")),
        Column("downloaded", label=_("Downloaded")),
    ]
    list_export = ["position", "opened", "downloaded"]
    export_headings = {
        "position": _("Position in the results"),
        "opened": _("Opened"),
        "downloaded": _("Downloaded"),
    }

    def report(self, rows):
        return services.click_positions(rows)
