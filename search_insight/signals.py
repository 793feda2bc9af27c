"""search_insight listens to the databank search (search never imports search_insight): every search
is logged and every download from a search result counted; cached region look-ups start over when a
site or region changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from cms.snippets.models import Region
from search.signals import download_served, search_performed

from .services import download_clicked, forget_regions, search_logged


def connect() -> None:
    search_performed.connect(search_logged, dispatch_uid="search_insight_log_search")
    download_served.connect(download_clicked, dispatch_uid="search_insight_download_clicked")
    for model in (Site, Region):
        post_save.connect(forget_regions, sender=model, dispatch_uid=f"search_insight_{model.__name__}_saved")
        post_delete.connect(
            forget_regions, sender=model, dispatch_uid=f"search_insight_{model.__name__}_gone"
        )
