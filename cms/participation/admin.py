"""Admin lists a coordinator sees only part of: one mechanism for the bookings and loans modeladmins."""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from cms.exports import SafeSpreadsheetExportMixin


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class ScopedModelAdmin(ModelAdmin):
    """Every view of one object (inspect, edit, delete, history) finds it only in the scoped list.

    wagtail-modeladmin looks objects up in the unscoped default manager, so an object outside the
    coordinator's own part (techniekhuizen, pick-up points) answers 404 here, exactly as it is
    missing from the index. Each app says what its part is in :meth:`scoped`.
    """

    index_view_class = SafeExportIndexView

    def scoped(self, queryset, user):
        raise NotImplementedError

    def get_queryset(self, request):
        return self.scoped(super().get_queryset(request), request.user)

    def _in_scope(self, request, instance_pk) -> None:
        get_object_or_404(self.get_queryset(request), pk=unquote(instance_pk))

    def inspect_view(self, request, instance_pk):
        self._in_scope(request, instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self._in_scope(request, instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self._in_scope(request, instance_pk)
        return super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self._in_scope(request, instance_pk)
        return super().history_view(request, instance_pk)
