"""Lesson offerings, their time slots and the bookings schools make for them.

A slot keeps running counters (``booked_classes``/``booked_pupils``) next to its capacity so
that a single conditional UPDATE can reserve a place (see :mod:`cms.participation.capacity`).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.participation.models import Participation
from cms.text import SingleLineCharField


class LessonOffering(index.Indexed, models.Model):
    """A bookable lesson: what, for whom, how long, where and at what price."""

    class Location(models.TextChoices):
        TECHNIEKHUIS = "techniekhuis", _("at the techniekhuis")
        SCHOOL_LOCATION = "school_location", _("at a vmbo school location")
        PRIMARY_SCHOOL = "primary_school", _("on location at the primary school")

    techniekhuis = models.ForeignKey(
        "pages.TechniekhuisPage",
        verbose_name=_("techniekhuis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lesson_offerings",
    )
    location_kind = models.CharField(
        _("where the lesson happens"),
        max_length=20,
        choices=Location.choices,
        default=Location.TECHNIEKHUIS,
    )
    location_name = SingleLineCharField(
        _("location name"),
        max_length=200,
        blank=True,
        help_text=_("For lessons at a school location: the name and address of that location."),
    )
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    target_groups = models.ManyToManyField(
        "snippets.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    # What the lesson addresses: a school's coverage of the worlds of technology and core goals
    # (the "doorlopende leerlijn") is counted from the lessons its classes were given.
    tech_worlds = models.ManyToManyField(
        "snippets.TechWorld", verbose_name=_("worlds of technology"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(
        "snippets.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("Teachers filter the lessons on the booking page by theme."),
    )
    core_goals = models.ManyToManyField(
        "snippets.CoreGoal", verbose_name=_("SLO core goals"), blank=True, related_name="+"
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    max_pupils_per_class = models.PositiveSmallIntegerField(
        _("maximum pupils per class"), default=32, validators=[MinValueValidator(1)]
    )
    price = models.DecimalField(
        _("price per class (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    requires_approval = models.BooleanField(
        _("bookings need the coordinator's approval"),
        default=False,
        help_text=_("When off, a booking within capacity is confirmed at once."),
    )
    active = models.BooleanField(_("bookable"), default=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("techniekhuis"),
        FieldPanel("location_kind"),
        FieldPanel("location_name"),
        FieldPanel("description"),
        FieldPanel("target_groups"),
        FieldPanel("tech_worlds"),
        FieldPanel("themes"),
        FieldPanel("core_goals"),
        FieldRowPanel(
            [FieldPanel("duration_minutes"), FieldPanel("max_pupils_per_class"), FieldPanel("price")]
        ),
        FieldPanel("requires_approval"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("lesson offering")
        verbose_name_plural = _("lesson offerings")

    def __str__(self) -> str:
        return self.title

    @property
    def place(self) -> str:
        if self.location_kind == self.Location.TECHNIEKHUIS and self.techniekhuis_id:
            return self.techniekhuis.title
        return self.location_name or str(self.get_location_kind_display())


class TimeSlot(models.Model):
    """One date and time an offering can be booked, with a capacity in classes and/or pupils."""

    offering = models.ForeignKey(
        LessonOffering, verbose_name=_("lesson offering"), on_delete=models.CASCADE, related_name="slots"
    )
    date = models.DateField(_("date"))
    start = models.TimeField(_("start time"))
    end = models.TimeField(_("end time"))
    capacity_classes = models.PositiveSmallIntegerField(
        _("capacity (classes)"), null=True, blank=True, help_text=_("Empty: no limit on classes.")
    )
    capacity_pupils = models.PositiveSmallIntegerField(
        _("capacity (pupils)"), null=True, blank=True, help_text=_("Empty: no limit on pupils.")
    )
    booking_deadline = models.DateTimeField(
        _("booking deadline"), null=True, blank=True, help_text=_("Empty: bookable until the start.")
    )
    booked_classes = models.PositiveIntegerField(_("booked classes"), default=0, editable=False)
    booked_pupils = models.PositiveIntegerField(_("booked pupils"), default=0, editable=False)

    panels = [
        FieldPanel("offering"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("capacity_classes"), FieldPanel("capacity_pupils")]),
        FieldPanel("booking_deadline"),
    ]

    class Meta:
        ordering = ["date", "start"]
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity_classes__isnull=True)
                | models.Q(booked_classes__lte=models.F("capacity_classes")),
                name="bookings_slot_classes_within_capacity",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity_pupils__isnull=True)
                | models.Q(booked_pupils__lte=models.F("capacity_pupils")),
                name="bookings_slot_pupils_within_capacity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offering} – {self.date:%d-%m-%Y} {self.start:%H:%M}"

    COUNTERS = ("booked_classes", "booked_pupils")

    def clean(self) -> None:
        super().clean()
        if self.capacity_classes is None and self.capacity_pupils is None:
            raise ValidationError(_("Set a capacity in classes, in pupils, or both."))
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end time must be after the start time.")})
        if self.pk:
            booked = (
                TimeSlot.objects.filter(pk=self.pk).values("booked_classes", "booked_pupils").first() or {}
            )
            errors = {}
            for field, counter in (
                ("capacity_classes", "booked_classes"),
                ("capacity_pupils", "booked_pupils"),
            ):
                value, taken = getattr(self, field), booked.get(counter, 0)
                if value is not None and value < taken:
                    errors[field] = _("%(n)s are booked already; the capacity cannot be lower.") % {
                        "n": taken
                    }
            if errors:
                raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Never write the booked counters from a (possibly stale) instance: only bookings move them,
        with conditional updates (``capacity.py``), so an admin edit cannot undo a booking."""
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in self.COUNTERS
            ]
        super().save(*args, **kwargs)

    @property
    def starts_at(self):
        return timezone.make_aware(dt.datetime.combine(self.date, self.start))

    @property
    def ends_at(self):
        return timezone.make_aware(dt.datetime.combine(self.date, self.end))

    @property
    def closes_at(self):
        return self.booking_deadline or self.starts_at

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.offering.active and now < self.closes_at

    @property
    def classes_left(self) -> int | None:
        if self.capacity_classes is None:
            return None
        return max(self.capacity_classes - self.booked_classes, 0)

    @property
    def pupils_left(self) -> int | None:
        if self.capacity_pupils is None:
            return None
        return max(self.capacity_pupils - self.booked_pupils, 0)

    @property
    def is_full(self) -> bool:
        return self.classes_left == 0 or self.pupils_left == 0


class Booking(Participation):
    """A primary school's booking of one slot for one class (group 3-8)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        CONFIRMED = "confirmed", _("confirmed")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")
        WAITLISTED = "waitlisted", _("on the waiting list")

    #: Statuses that hold a place in the slot.
    HOLDING = (Status.REQUESTED, Status.CONFIRMED, Status.COMPLETED)

    slot = models.ForeignKey(
        TimeSlot, verbose_name=_("time slot"), on_delete=models.PROTECT, related_name="bookings"
    )
    school = models.ForeignKey(
        "snippets.School", verbose_name=_("school"), on_delete=models.PROTECT, related_name="lesson_bookings"
    )
    contact_name = SingleLineCharField(_("contact person"), max_length=120)
    email = models.EmailField(_("email"))
    phone = SingleLineCharField(_("phone"), max_length=30, blank=True)
    group = models.PositiveSmallIntegerField(
        _("group"), validators=[MinValueValidator(3), MaxValueValidator(8)]
    )
    pupils = models.PositiveSmallIntegerField(_("number of pupils"), validators=[MinValueValidator(1)])
    #: How many pupils the lesson actually had, given when it is marked as given (counts in the dashboard).
    actual_pupils = models.PositiveSmallIntegerField(
        _("actual number of pupils"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    notes = models.TextField(_("special needs and notes"), blank=True)
    privacy_consent = models.BooleanField(_("agreed to the privacy statement"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED)
    amount_owed = models.DecimalField(
        _("own contribution owed (EUR)"), max_digits=8, decimal_places=2, default=Decimal("0.00")
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    #: Set in the transaction that creates the booking and cleared in the transaction that queues
    #: its mails (after commit, outside the slot lock). A booking still flagged after a crash is
    #: picked up by ``queue_booking_mails``: the flag is the durable outbox record for those mails.
    notifications_pending = models.BooleanField(_("mails still to be queued"), default=False, editable=False)

    panels = [
        FieldPanel("slot"),
        FieldPanel("school"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")
        ),
        FieldRowPanel([FieldPanel("group"), FieldPanel("pupils")]),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [
            models.Index(fields=["slot", "status", "created_at"]),
            models.Index(
                fields=["created_at"],
                condition=models.Q(notifications_pending=True),
                name="bookings_notifications_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} – {self.slot}"

    @property
    def holds_place(self) -> bool:
        return self.status in self.HOLDING


class OwnContributionRule(models.Model):
    """The share of the price schools pay themselves, from a school year on (e.g. 10% from 2026-2027)."""

    school_year_start = models.PositiveSmallIntegerField(
        _("from school year starting in"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("2026 means school year 2026-2027; the rule applies until a later rule starts."),
    )
    percentage = models.DecimalField(
        _("own contribution (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )

    panels = [FieldPanel("school_year_start"), FieldPanel("percentage")]

    class Meta:
        ordering = ["school_year_start"]
        verbose_name = _("own-contribution rule")
        verbose_name_plural = _("own-contribution rules")

    def __str__(self) -> str:
        return f"{self.school_year_start}-{self.school_year_start + 1}: {self.percentage}%"


class Coordinator(models.Model):
    """Links a user to a techniekhuis whose offering and bookings they manage."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="booking_coordinator_roles",
    )
    techniekhuis = models.ForeignKey(
        "pages.TechniekhuisPage",
        verbose_name=_("techniekhuis"),
        on_delete=models.CASCADE,
        related_name="coordinators",
    )

    panels = [FieldPanel("user"), FieldPanel("techniekhuis")]

    class Meta:
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")
        constraints = [
            models.UniqueConstraint(fields=["user", "techniekhuis"], name="bookings_unique_coordinator")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.techniekhuis}"
