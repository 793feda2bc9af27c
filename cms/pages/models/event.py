from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.pages import recurrence
from cms.pages.blocks import BodyBlock
from cms.pages.filters import filter_events
from cms.pages.serializers import OccurrenceListField, RelatedObjectField, TermListField
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
        context["upcoming_events"] = filter_events(events, when="upcoming").prefetch_related("occurrences")
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
        TRAINING = "training", _("training")
        TEACHER_INTERNSHIP = "teacher_internship", _("teacher internship (docentstage)")
        COMPANY_VISIT = "company_visit", _("company visit")

    #: Kinds an editor can mark as teachers' professional development (hours, a certificate).
    PROFESSIONALISATION_TYPES = frozenset({"masterclass", "training", "teacher_internship", "company_visit"})

    class RegistrationScope(models.TextChoices):
        SERIES = "series", _("for the whole series")
        OCCURRENCE = "occurrence", _("per date")

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
    recurrence = models.CharField(
        _("recurrence (RRULE)"),
        max_length=300,
        blank=True,
        validators=[recurrence.validate_rule],
        help_text=_(
            "Leave empty for a single date. For a series, an iCalendar rule from the first start, e.g. "
            "FREQ=WEEKLY;COUNT=6 or FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630. Move or skip single dates "
            "under Registrations > Dates."
        ),
    )
    registration_scope = models.CharField(
        _("registration"),
        max_length=12,
        choices=RegistrationScope.choices,
        default=RegistrationScope.SERIES,
        help_text=_("Whether people register for the whole series or for a single date of it."),
    )
    professionalisation_hours = models.DecimalField(
        _("professionalisation hours"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5"))],
        help_text=_(
            "Hours of professional development per attended date, for a masterclass, training, teacher "
            "internship or company visit; attendees get a certificate. Leave empty otherwise."
        ),
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
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("capacity"),
                FieldPanel("recurrence"),
                FieldPanel("registration_scope"),
            ],
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
        FieldPanel("professionalisation_hours"),
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
        APIField("recurrence"),
        APIField("registration_scope"),
        APIField("professionalisation_hours"),
        APIField("cancelled"),
        APIField("occurrences", serializer=OccurrenceListField()),
        APIField("organiser"),
        APIField("partner", serializer=RelatedObjectField()),
        APIField("themes", serializer=TermListField()),
        APIField("tech_worlds", serializer=TermListField()),
        APIField("core_goals", serializer=TermListField()),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.professionalisation_hours and self.event_type not in self.PROFESSIONALISATION_TYPES:
            errors["professionalisation_hours"] = _(
                "Only a masterclass, training, teacher internship or company visit counts as "
                "professional development."
            )
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

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A full save is a creation or a publish (revisions save with update_fields): follow the dates.
        if kwargs.get("update_fields") is None:
            self.sync_occurrences()

    def sync_occurrences(self) -> None:
        """Make the occurrence rows follow ``start``/``end``/``recurrence``.

        A single-date event keeps one row that moves with the page. In a series, a date of the rule
        gets a row once; rows the editor moved or skipped keep their exception; a date that left the
        rule is deleted when nothing refers to it (registrations protect it; the editor cancels it).
        """
        duration = self.end - self.start
        rows = list(EventOccurrence.objects.filter(page_id=self.pk))
        if not self.recurrence.strip():
            row = rows[0] if len(rows) == 1 else None
            if row is None and not rows:
                EventOccurrence.objects.create(
                    page=self, start=self.start, end=self.end, rule_start=self.start
                )
            elif row is not None and (row.start, row.end, row.rule_start) != (
                self.start,
                self.end,
                self.start,
            ):
                row.start, row.end, row.rule_start = self.start, self.end, self.start
                row.save(update_fields=["start", "end", "rule_start"])
            if len(rows) <= 1:
                return
        starts = recurrence.expand(self.recurrence, self.start)
        by_rule_start = {row.rule_start: row for row in rows}
        for start in starts:
            row = by_rule_start.pop(start, None)
            if row is None:
                EventOccurrence.objects.create(page=self, start=start, end=start + duration, rule_start=start)
            elif not row.is_moved and row.end != row.start + duration:
                row.end = row.start + duration
                row.save(update_fields=["end"])
        for row in by_rule_start.values():
            try:
                with transaction.atomic():
                    row.delete()
            except ProtectedError:
                pass

    @cached_property
    def dates(self) -> list["EventOccurrence"]:
        """The occurrences people can see (skipped dates left out), in order; uses prefetched rows."""
        rows = [row for row in self.occurrences.all() if row.status != EventOccurrence.Status.SKIPPED]
        return sorted(rows, key=lambda row: (row.start, row.pk))

    @property
    def is_series(self) -> bool:
        return bool(self.recurrence.strip())

    @property
    def cancelled(self) -> bool:
        """Every date is cancelled (the whole event is off)."""
        dates = self.dates
        return bool(dates) and all(row.status == EventOccurrence.Status.CANCELLED for row in dates)

    @property
    def is_professionalisation(self) -> bool:
        return bool(self.professionalisation_hours) and self.event_type in self.PROFESSIONALISATION_TYPES

    @classmethod
    def api_queryset(cls, queryset):
        return (
            super()
            .api_queryset(queryset)
            .select_related("partner")
            .prefetch_related("themes", "tech_worlds", "core_goals", "occurrences")
        )


class EventOccurrence(models.Model):
    """One date of an event: its own time, capacity and state.

    Not part of the page's revisions: a cancellation or a moved date must survive the next publish.
    ``rule_start`` is the date the rule gave it (the key that keeps an exception when the page is
    saved again); ``sequence`` goes up with every change calendars must pick up (RFC 5545).
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        SKIPPED = "skipped", _("skipped")
        CANCELLED = "cancelled", _("cancelled")

    page = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="occurrences"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    rule_start = models.DateTimeField(_("date in the series"), editable=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for the event's capacity.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    cancellation_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("capacity"),
        FieldPanel("status"),
    ]

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event date")
        verbose_name_plural = _("event dates")
        constraints = [
            models.UniqueConstraint("page", "rule_start", name="pages_occurrence_one_per_rule_date"),
        ]

    def __str__(self) -> str:
        return f"{self.page.title} – {timezone.localtime(self.start):%d-%m-%Y %H:%M}"

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.status == self.Status.CANCELLED and not self.cancellation_reason:
            raise ValidationError(
                {"status": _("Cancel a date with the Cancel action, which tells the registrants why.")}
            )

    @property
    def is_moved(self) -> bool:
        return self.start != self.rule_start

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def effective_capacity(self) -> int | None:
        return self.capacity if self.capacity is not None else self.page.capacity
