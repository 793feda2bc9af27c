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

    introduction_field = "intro"  # the page type's own opening text, when it has one

    @property
    def listing_text(self) -> str:
        """What a card and a shared link say: the listing summary, else the page's introduction
        (editors often leave the summary empty), else its search description."""
        return self.listing_summary or getattr(self, self.introduction_field, "") or self.search_description

    @classmethod
    def api_queryset(cls, queryset):
        """Relations the API prefetches for this page type, so listings cost a fixed number of queries."""
        return queryset.select_related("listing_image").prefetch_related("listing_image__renditions")


class IndexPage(BasePage):
    """A section's landing page under the home page: an introduction above a list of its children.

    Each index names its child page type in ``subpage_types`` and builds the list in ``get_context``.
    """

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["pages.HomePage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        abstract = True

    def published_children(self, model: type[Page]):
        """This index's live, public children of the given page type."""
        return model.objects.live().public().child_of(self)
