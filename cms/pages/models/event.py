from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.pages.blocks import BodyBlock
from cms.pages.filters import filter_events
from cms.pages.serializers import RelatedObjectField, TermListField
from cms.pages.services import url_if_routed
from cms.snippets.models import Address, Region, Theme

from .base import BasePage, IndexPage


class EventIndexPage(IndexPage):
    subpage_types = ["pages.EventPage"]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Filters from GET: audience, theme (slug) and region (slug; shows that region's events).
        audience = request.GET.get("audience", "")
        theme = request.GET.get("theme", "")[:120]
        region = request.GET.get("region", "")[:120]
        published = EventPage.objects.live().public()
        events = filter_events(
            published if region else published.child_of(self),
            audience=audience if audience in EventPage.Audience.values else None,
            theme=theme,
            region=region,
        )
        context["upcoming_events"] = filter_events(events, when="upcoming")
        context["past_events"] = filter_events(events, when="past")[:12]
        context["filters"] = {"audience": audience, "theme": theme, "region": region}
        context["audiences"] = EventPage.Audience.choices
        context["themes"] = Theme.objects.filter(events__isnull=False).distinct()
        context["regions"] = Region.objects.filter(site__isnull=False)
        context["calendar_url"] = self.region_calendar_url()
        return context

    def region_calendar_url(self) -> str | None:
        """The subscribable iCal feed of this site's region (``cms.events``), if that app is routed."""
        site = self.get_site()
        region = getattr(site.root_page.specific, "region", None) if site else None
        return url_if_routed("events:region_calendar", region.slug) if region else None


class EventPage(Address, BasePage):
    """A learning-network meeting, masterclass, network meeting or workshop."""

    class EventType(models.TextChoices):
        LEARNING_NETWORK = "learning_network", _("learning-network meeting")
        MASTERCLASS = "masterclass", _("masterclass")
        NETWORK_MEETING = "network_meeting", _("company-teacher network meeting")
        WORKSHOP = "workshop", _("teach-the-teacher workshop")

    class Audience(models.TextChoices):
        TEACHERS = "teachers", _("teachers")
        DEANS_MENTORS = "deans_mentors", _("deans and mentors")
        COMPANY_STAFF = "company_staff", _("company staff")
        SCHOOL_LEADERS = "school_leaders", _("school leaders")
        EVERYONE = "everyone", _("everyone")

    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.TEACHERS
    )
    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    location_name = models.CharField(_("location"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for unlimited.")
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    partner = models.ForeignKey(
        "snippets.Partner",
        verbose_name=_("organising partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    themes = ParentalManyToManyField(
        "snippets.Theme", verbose_name=_("themes"), blank=True, related_name="events"
    )
    tech_worlds = ParentalManyToManyField(
        "snippets.TechWorld", verbose_name=_("worlds of technology"), blank=True, related_name="+"
    )
    core_goals = ParentalManyToManyField(
        "snippets.CoreGoal", verbose_name=_("SLO core goals"), blank=True, related_name="+"
    )

    parent_page_types = ["pages.EventIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("event_type"),
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("capacity")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("location_name"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        *Address.address_panels,
        FieldPanel("organiser"),
        FieldPanel("partner"),
        FieldPanel("themes"),
        FieldPanel("tech_worlds"),
        FieldPanel("core_goals"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("event_type"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("event_type"),
        APIField("audience"),
        APIField("intro"),
        APIField("body"),
        APIField("start"),
        APIField("end"),
        APIField("location_name"),
        APIField("online_url"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("capacity"),
        APIField("organiser"),
        APIField("partner", serializer=RelatedObjectField()),
        APIField("themes", serializer=TermListField()),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if not self.location_name and not self.online_url:
            errors["location_name"] = _("Give a location or an online meeting link.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Other apps (e.g. event registration) add sections through this hook; each returns safe HTML.
        context["extra_sections"] = [
            html for hook in hooks.get_hooks("event_page_sections") if (html := hook(self, request))
        ]
        return context

    @classmethod
    def api_queryset(cls, queryset):
        return super().api_queryset(queryset).select_related("partner").prefetch_related("themes")
