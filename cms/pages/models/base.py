from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Fields every public page shares: what to show when the page is listed or shared."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=300,
        help_text=_("Short text shown in listings and search results."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Listing"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]
    api_fields = [
        APIField("listing_summary"),
        APIField("listing_image", serializer=ImageRenditionField("fill-640x360|format-webp")),
    ]

    class Meta:
        abstract = True

    @classmethod
    def api_queryset(cls, queryset):
        """Relations the API prefetches for this page type, so listings cost a fixed number of queries."""
        return queryset.select_related("listing_image").prefetch_related("listing_image__renditions")
