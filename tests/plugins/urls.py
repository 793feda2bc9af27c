"""URLs of the minimal plugin project: Wagtail, API v3 and the app under test at its real prefix."""

import os

from django.urls import include, path, re_path, register_converter
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api

from cms.api.errors import not_found as api_not_found
from cms.converters import DatabaseIdConverter

register_converter(DatabaseIdConverter, "id")

PREFIXES = {
    "cms.bookings": "boeken/",
    "cms.events": "evenementen/",
    "cms.loans": "uitlenen/",
    "cms.newsletters": "",
    "cms.partners": "menukaart/",
    "cms.evaluations": "evaluatie/",
    "cms.professionalisation": "professionalisering/",
    "search": "databank/",
    "cms.dashboard": None,  # in the admin only (its wagtail_hooks register the URLs)
}
APP = os.environ["PLUGIN_APP"]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v3/", api.urls),
    re_path(r"^api/v3/", api_not_found),
    *([path(PREFIXES[APP], include(f"{APP}.urls"))] if PREFIXES[APP] is not None else []),
    path("", include(wagtail_urls)),
]
