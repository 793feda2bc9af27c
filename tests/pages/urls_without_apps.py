"""A project that routes only pages: the page types must render without the apps they link to."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
