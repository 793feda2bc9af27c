from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "editorial/preview-token/<int:page_id>/",
            admin_views.preview_token,
            name="editorial_preview_token",
        ),
    ]
