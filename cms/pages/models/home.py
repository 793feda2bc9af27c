from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.pages.blocks import BodyBlock
from cms.pages.serializers import RelatedObjectField

from .base import BasePage
from .event import EventPage
from .news import NewsArticlePage


class HomePage(BasePage):
    """The root of one region's website (one Wagtail Site per region)."""

    region = models.ForeignKey(
        "snippets.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: every page type names its parents, so an app's page (the newsletter
    # archive) goes under a home page only where that app is installed.
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("region"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [
        *BasePage.api_fields,
        APIField("region", serializer=RelatedObjectField()),
        APIField("intro"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .order_by("-date", "-pk")[:3]
        )
        context["upcoming_events"] = (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(end__gte=timezone.now())
            .order_by("start")[:3]
        )
        return context


class StandardPage(BasePage):
    """A plain content page (about us, privacy statement, contact)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["pages.HomePage", "pages.StandardPage", "pages.TechniekhuisPage"]
    subpage_types = ["pages.StandardPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
