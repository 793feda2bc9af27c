from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.exports import SafeSpreadsheetExportMixin

from . import admin_views
from .models import NewsletterPage, Segment, Subscriber
from .permissions import (
    RegionScopedObjectMixin,
    SubscriberAdminForm,
    SubscriberPermissionPolicy,
    is_visible,
    visible_subscribers,
)


class SegmentViewSet(SnippetViewSet):
    model = Segment
    icon = "group"
    list_display = ["name", "slug", "is_public"]
    search_fields = ["name"]


class SubscriberIndexView(SafeSpreadsheetExportMixin, IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("newsletters.add_subscriber"):
            url = reverse("newsletters_import_subscribers")
            buttons.append(HeaderButton(_("Import CSV"), url=url, icon_name="upload"))
        return buttons


class _ScopedChooserMixin:
    def get_object_list(self):
        return visible_subscribers(self.request.user, super().get_object_list())


class _ScopedChosenMixin:
    def get_object(self, pk):
        return visible_subscribers(self.request.user).get(pk=pk)


class _ScopedChosenMultipleMixin:
    def get_objects(self, pks):
        return visible_subscribers(self.request.user, super().get_objects(pks))


class SubscriberChooserViewSet(chooser.SnippetChooserViewSet):
    """The chooser offers (and returns) only subscribers of the user's regions."""

    choose_view_class = type("ChooseView", (_ScopedChooserMixin, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (_ScopedChooserMixin, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (_ScopedChosenMixin, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (_ScopedChosenMultipleMixin, chooser.SnippetChosenMultipleView), {}
    )


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


class SubscriberViewSet(SnippetViewSet):
    """Subscribers, scoped to the regions the user covers (:mod:`cms.newsletters.permissions`)."""

    model = Subscriber
    index_view_class = SubscriberIndexView
    edit_view_class = type("EditView", (RegionScopedObjectMixin, snippet_views.EditView), {})
    copy_view_class = type("CopyView", (RegionScopedObjectMixin, snippet_views.CopyView), {})
    delete_view_class = type("DeleteView", (RegionScopedObjectMixin, snippet_views.DeleteView), {})
    usage_view_class = type("UsageView", (RegionScopedObjectMixin, snippet_views.UsageView), {})
    history_view_class = type("HistoryView", (RegionScopedObjectMixin, snippet_views.HistoryView), {})
    inspect_view_class = type("InspectView", (RegionScopedObjectMixin, snippet_views.InspectView), {})
    chooser_viewset_class = SubscriberChooserViewSet
    edit_handler = ObjectList(Subscriber.panels, base_form_class=SubscriberAdminForm)
    icon = "user"
    list_display = ["email", "name", "status", "region", "consent_given_at"]
    list_filter = ["status", "segments", "region", "source"]
    search_fields = ["email", "name"]
    # Built-in CSV/XLSX export of the (filtered) list.
    list_export = [
        "email",
        "name",
        "status",
        "mailing_lists",
        "source",
        "region",
        "created_at",
        "consent_requested_at",
        "consent_given_at",
        "unsubscribed_at",
        "bounced_at",
    ]
    export_filename = "abonnees"
    export_headings = {"mailing_lists": _("mailing lists")}

    def get_queryset(self, request):
        return visible_subscribers(request.user).select_related("region").prefetch_related("segments")


class NewsletterAudienceGroup(SnippetViewSetGroup):
    menu_label = _("Newsletter subscribers")
    menu_icon = "mail"
    menu_order = 300
    items = (SubscriberViewSet, SegmentViewSet)


register_snippet(NewsletterAudienceGroup)


class SubscriberDeleteBulkAction(DeleteBulkAction):
    """Bulk delete that neither acts on nor names subscribers of regions the user does not cover."""

    models = [Subscriber]

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        no_access = [s for s in extra.get("items_with_no_access", []) if is_visible(user, s)]
        return [s for s in objects if is_visible(user, s)], {**extra, "items_with_no_access": no_access}


# Registered after Wagtail's own snippet bulk delete, so it replaces it for subscribers.
hooks.register("register_bulk_action", SubscriberDeleteBulkAction, order=100)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("newsletters/<int:page_id>/send/", admin_views.send_newsletter, name="newsletters_send"),
        path(
            "newsletters/subscribers/import/",
            admin_views.import_subscribers,
            name="newsletters_import_subscribers",
        ),
    ]


class SendMenuItem(ActionMenuItem):
    label = _("Send test / send…")
    name = "action-newsletter-send"
    icon_name = "mail"
    order = 60

    def is_shown(self, context):
        page = context.get("page")
        return context["view"] == "edit" and isinstance(page, NewsletterPage)

    def get_url(self, parent_context):
        return reverse("newsletters_send", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_send_menu_item():
    return SendMenuItem()


@hooks.register("register_page_header_buttons")
def send_header_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NewsletterPage):
        yield ListingButton(_("Send test / send…"), reverse("newsletters_send", args=[page.pk]), priority=5)
