"""Milestones belong to a region: in the admin each user sees and edits those of the regions they
cover (:func:`cms.snippets.regions.covered_region_ids`; superusers and Beheer cover all), as the
newsletter subscribers are scoped."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from cms.snippets.models import Region
from cms.snippets.regions import covered_region_ids


def scoped(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` (of a model with a ``region``) narrowed to the regions ``user`` covers."""
    region_ids = covered_region_ids(user)
    return queryset if region_ids is None else queryset.filter(region_id__in=region_ids)


def scoped_regions(user) -> QuerySet[Region]:
    region_ids = covered_region_ids(user)
    return Region.objects.all() if region_ids is None else Region.objects.filter(pk__in=region_ids)


def covers(user, region_id: int | None) -> bool:
    region_ids = covered_region_ids(user)
    return region_ids is None or region_id in region_ids


class RegionPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and on a single row only when it is in a region the user covers."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and covers(user, instance.region_id)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        return scoped(user, super().instances_user_has_any_permission_for(user, actions))


class RegionScopedObjectMixin:
    """For admin views of one row: another region's row is "not found"."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not covers(self.request.user, instance.region_id):
            raise Http404
        return instance


class RegionScopedForm(WagtailAdminModelForm):
    """The region (and the programme line) are ones the user covers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        if "region" in self.fields:
            self.fields["region"].queryset = scoped_regions(self.for_user)
        if "programme_line" in self.fields:
            field = self.fields["programme_line"]
            field.queryset = scoped(self.for_user, field.queryset)
