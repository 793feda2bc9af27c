from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable
from wagtail.search import index

from cms.pages.blocks import BodyBlock
from cms.pages.filters import filter_news
from cms.pages.serializers import TagNamesField
from cms.pages.services import paginate

from .base import BasePage, IndexPage


class NewsIndexPage(IndexPage):
    subpage_types = ["pages.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        published = self.published_children(NewsArticlePage)
        tag = request.GET.get("tag", "").strip()[:100]
        year = request.GET.get("year", "")
        if not (year.isdigit() and len(year) == 4):
            year = ""
        articles = filter_news(published, tag=tag, year=int(year) if year else None)
        articles = articles.select_related("image").order_by("-date", "-pk")
        context["articles"] = paginate(request, articles, per_page=12)
        context["years"] = [d.year for d in published.dates("date", "year", order="DESC")]
        context["tags"] = (
            NewsArticleTag.tag_model()
            .objects.filter(pages_newsarticletag_items__content_object__in=published)
            .distinct()
            .order_by("name")
        )
        context["selected_tag"] = tag
        context["selected_year"] = year
        return context


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(_("image alternative text"), max_length=250, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt_text"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_pages", label=_("Related pages")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("intro"),
        APIField("image", serializer=ImageRenditionField("fill-1200x675|format-webp")),
        APIField("image_alt_text"),
        APIField("body"),
        APIField("tags", serializer=TagNamesField()),
        APIField("related_pages"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_context(self, request, *args, **kwargs):
        prefetch_related_objects([self], "tags", "related_pages__page")
        return super().get_context(request, *args, **kwargs)

    @classmethod
    def api_queryset(cls, queryset):
        return (
            super()
            .api_queryset(queryset)
            .select_related("image")
            .prefetch_related("image__renditions", "tags", "related_pages__page")
        )


class NewsRelatedPage(Orderable):
    article = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]
    api_fields = [APIField("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
