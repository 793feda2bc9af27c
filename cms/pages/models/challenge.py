import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index

from cms.pages.blocks import RICH_TEXT_FEATURES, BodyBlock, PhasesBlock, PrizesBlock
from cms.pages.serializers import TermListField

from .base import BasePage, IndexPage


class ChallengeIndexPage(IndexPage):
    subpage_types = ["pages.ChallengePage"]

    class Meta:
        verbose_name = _("challenge index")
        verbose_name_plural = _("challenge indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["challenges"] = (
            self.published_children(ChallengePage)
            .select_related("image")
            .order_by("registration_deadline", "title")
        )
        return context


class ChallengePage(BasePage):
    """A competition such as the Young Solar Challenge, First Lego League or a drone race."""

    intro = models.TextField(_("introduction"), max_length=600)
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
    target_groups = ParentalManyToManyField(
        "snippets.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    phases = StreamField(PhasesBlock(), verbose_name=_("phases"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    partners = ParentalManyToManyField(
        "snippets.Partner", verbose_name=_("partners"), blank=True, related_name="challenges"
    )
    prizes = StreamField(PrizesBlock(), verbose_name=_("prizes"), blank=True)
    results = RichTextField(_("results"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["pages.ChallengeIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt_text"),
        FieldPanel("body"),
        FieldPanel("target_groups"),
        FieldPanel("phases"),
        FieldPanel("registration_deadline"),
        FieldPanel("partners"),
        FieldPanel("prizes"),
        FieldPanel("results"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("registration_deadline"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("image", serializer=ImageRenditionField("fill-1200x675|format-webp")),
        APIField("image_alt_text"),
        APIField("body"),
        APIField("target_groups", serializer=TermListField()),
        APIField("phases"),
        APIField("registration_deadline"),
        APIField("registration_open"),
        APIField("partners", serializer=TermListField()),
        APIField("prizes"),
        APIField("results"),
    ]

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    @property
    def registration_open(self) -> bool:
        return self.registration_deadline is not None and self.registration_deadline > timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["timeline"] = self.timeline()
        # Other apps (e.g. team registration) add sections through this hook; each returns safe HTML.
        context["extra_sections"] = [
            html for hook in hooks.get_hooks("challenge_page_sections") if (html := hook(self, request))
        ]
        return context

    def timeline(self, today=None) -> list[dict]:
        """The phases in date order, each marked "past", "current" or "upcoming" relative to today.

        A phase without an end date lasts until the next phase starts (the last one: one day).
        """
        today = today or timezone.localdate()
        phases = sorted((block.value for block in self.phases), key=lambda v: v["start_date"])
        items = []
        for position, phase in enumerate(phases):
            end = phase.get("end_date")
            if end is None:
                following = phases[position + 1]["start_date"] if position + 1 < len(phases) else None
                end = following - dt.timedelta(days=1) if following else phase["start_date"]
            state = "past" if end < today else "upcoming" if phase["start_date"] > today else "current"
            items.append({"phase": phase, "state": state})
        return items

    @classmethod
    def api_queryset(cls, queryset):
        return (
            super()
            .api_queryset(queryset)
            .select_related("image")
            .prefetch_related("image__renditions", "target_groups", "partners")
        )
