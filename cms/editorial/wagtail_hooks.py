from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from . import admin_views
from .workflow_messages import EditorialPageViewSet


@hooks.register("register_admin_viewset")
def register_page_viewset():
    """Replaces Wagtail's fallback page viewset (registered with order -1) for every page type."""
    return EditorialPageViewSet()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "editorial/preview-token/<int:page_id>/",
            admin_views.preview_token,
            name="editorial_preview_token",
        ),
    ]


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    """On the edit page: open the latest draft in the headless front end (when it has a preview URL)."""
    if view_name == "edit" and getattr(settings, "HEADLESS_PREVIEW_URL", ""):
        url = reverse("editorial_preview_token", args=[page.pk]) + "?open=1"
        yield ListingButton(
            _("Headless preview"), url, icon_name="view", priority=6, attrs={"target": "_blank"}
        )
