"""Subscribers are personal data: in the admin each user sees those of the regions they cover.

The region a subscriber belongs to is ``Subscriber.region``; the regions a user covers come from
their roles (:func:`cms.snippets.regions.covered_region_ids`: superusers and Beheer cover all).
A subscriber without a region is visible only to those who cover all regions.

Every admin door is scoped here: the permission policy (instance checks, bulk actions, buttons),
the listing and its CSV/XLSX export, the views that open one subscriber (edit, delete, history,
usage, inspect), the chooser, and the region choices of the edit and import forms.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from cms.snippets.models import Region
from cms.snippets.regions import covered_region_ids

from .models import Subscriber

User = AbstractBaseUser | AnonymousUser


def visible_subscribers(user: User, queryset: QuerySet[Subscriber] | None = None) -> QuerySet[Subscriber]:
    """``queryset`` (default: all subscribers) narrowed to the regions ``user`` covers."""
    queryset = Subscriber.objects.all() if queryset is None else queryset
    region_ids = covered_region_ids(user)
    return queryset if region_ids is None else queryset.filter(region_id__in=region_ids)


def selectable_regions(user: User) -> QuerySet[Region]:
    """The regions ``user`` may put a subscriber in."""
    region_ids = covered_region_ids(user)
    return Region.objects.all() if region_ids is None else Region.objects.filter(pk__in=region_ids)


def is_visible(user: User, subscriber: Subscriber) -> bool:
    region_ids = covered_region_ids(user)
    return region_ids is None or subscriber.region_id in region_ids


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and on a single subscriber only when it is in a region the user covers."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and is_visible(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet[Subscriber]:
        return visible_subscribers(user, super().instances_user_has_any_permission_for(user, actions))


class RegionScopedObjectMixin:
    """For admin views of one subscriber: another region's subscriber is "not found"."""

    def get_object(self, *args, **kwargs):
        subscriber = super().get_object(*args, **kwargs)
        if not is_visible(self.request.user, subscriber):
            raise Http404
        return subscriber


class SubscriberAdminForm(WagtailAdminModelForm):
    """The region is one the user covers (required unless they cover all regions)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "region" in self.fields:
            field = self.fields["region"]
            field.queryset = selectable_regions(self.for_user)
            field.required = covered_region_ids(self.for_user) is not None
