"""Cached site and region look-ups of the search log start over when a site or region changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from cms.snippets.models import Region

from .services import forget_sites


def connect() -> None:
    for model in (Site, Region):
        post_save.connect(forget_sites, sender=model, dispatch_uid=f"search_insight_{model.__name__}_saved")
        post_delete.connect(forget_sites, sender=model, dispatch_uid=f"search_insight_{model.__name__}_gone")
