from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable
from wagtail.search import index

from cms.pages.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.pages.serializers import RelatedObjectField, TermListField
from cms.snippets.models import Address

from .base import BasePage, IndexPage


class TechniekhuisIndexPage(IndexPage):
    subpage_types = ["pages.TechniekhuisPage"]

    class Meta:
        verbose_name = _("techniekhuis index")
        verbose_name_plural = _("techniekhuis indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["techniekhuizen"] = (
            self.published_children(TechniekhuisPage)
            .select_related("listing_image")
            .order_by("kind", "title")
        )
        return context


class TechniekhuisPage(Address, BasePage):
    """A tech house where primary-school classes get hands-on lessons; mobile ones travel to schools."""

    class Kind(models.TextChoices):
        BUILDING = "building", _("fixed location")
        MOBILE = "mobile", _("mobile (tech bus or truck)")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.BUILDING)
    region = models.ForeignKey(
        "snippets.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.TextField(_("lesson times"), blank=True)
    how_to_get_there = RichTextField(_("how to get there"), features=RICH_TEXT_FEATURES, blank=True)
    service_area = models.TextField(
        _("service area"),
        blank=True,
        help_text=_("For mobile tech houses: the municipalities or districts it visits."),
    )
    target_groups = ParentalManyToManyField(
        "snippets.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    lesson_kits = ParentalManyToManyField(
        "pages.LessonKitPage",
        verbose_name=_("lessons offered"),
        blank=True,
        related_name="techniekhuizen",
        help_text=_("Lesson kits from the databank taught at this tech house."),
    )

    parent_page_types = ["pages.TechniekhuisIndexPage"]
    subpage_types = ["pages.StandardPage"]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("region"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("photos", label=_("Photos")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        *Address.address_panels,
        FieldPanel("how_to_get_there"),
        FieldPanel("service_area"),
        FieldPanel("opening_hours"),
        FieldPanel("target_groups"),
        FieldPanel("lesson_kits"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("kind"),
        index.FilterField("region"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("region", serializer=RelatedObjectField()),
        APIField("intro"),
        APIField("body"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("contact_name"),
        APIField("email"),
        APIField("phone"),
        APIField("website"),
        APIField("opening_hours"),
        APIField("how_to_get_there"),
        APIField("service_area"),
        APIField("target_groups", serializer=TermListField()),
        APIField("lesson_kits", serializer=TermListField()),
        APIField("photos"),
    ]

    class Meta:
        verbose_name = _("techniekhuis")
        verbose_name_plural = _("techniekhuizen")

    @property
    def is_mobile(self) -> bool:
        return self.kind == self.Kind.MOBILE

    @classmethod
    def api_queryset(cls, queryset):
        return (
            super()
            .api_queryset(queryset)
            .select_related("region")
            .prefetch_related("target_groups", "lesson_kits", "photos__image__renditions")
        )

    def get_context(self, request, *args, **kwargs):
        prefetch_related_objects([self], "photos__image", "target_groups")
        context = super().get_context(request, *args, **kwargs)
        context["lesson_kits"] = self.lesson_kits.live().public().order_by("title")
        # Other apps (e.g. bookings) add sections through this hook; each returns safe HTML.
        context["extra_sections"] = [
            html for hook in hooks.get_hooks("techniekhuis_page_sections") if (html := hook(self, request))
        ]
        return context


class TechniekhuisPhoto(Orderable):
    page = ParentalKey(TechniekhuisPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(_("alternative text"), max_length=250)
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]
    api_fields = [
        APIField("image", serializer=ImageRenditionField("max-1200x800|format-webp")),
        APIField("alt_text"),
        APIField("caption"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
