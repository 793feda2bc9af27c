"""A region's plan as the funder reads it: programme lines and their milestones, with history."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms.snippets.models import School
from cms.text import SingleLineCharField

from . import indicators
from .quarters import Quarter


class ProgrammeLine(models.Model):
    """An action line of the plan ("Actielijn 1"), with the text the project leader writes for the report."""

    region = models.ForeignKey(
        "snippets.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="+"
    )
    code = SingleLineCharField(_("number"), max_length=20, help_text=_("As in the plan, e.g. 1."))
    title = SingleLineCharField(_("title"), max_length=255)
    report_text = models.TextField(
        _("text for the report"),
        blank=True,
        help_text=_("A short account of this line for the funder's report: what happened, what comes next."),
    )

    panels = [
        FieldPanel("region"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("title")]),
        FieldPanel("report_text"),
    ]

    class Meta:
        ordering = ["region__name", "code"]
        verbose_name = _("programme line")
        verbose_name_plural = _("programme lines")
        constraints = [models.UniqueConstraint("region", "code", name="milestones_line_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Milestone(models.Model):
    """One line of the plan's milestone table: measured by an indicator, or marked done by hand."""

    class Kind(models.TextChoices):
        MEASURED = "measured", _("measured by the platform")
        MANUAL = "manual", _("reported by hand")

    class ManualStatus(models.TextChoices):
        OPEN = "open", _("not yet achieved")
        DONE = "done", _("achieved")

    region = models.ForeignKey(
        "snippets.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="+"
    )
    programme_line = models.ForeignKey(
        ProgrammeLine,
        verbose_name=_("programme line"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="milestones",
    )
    code = SingleLineCharField(_("number"), max_length=20, help_text=_("As in the plan, e.g. 1.1.2."))
    text = models.TextField(_("milestone"))
    responsible_partner = SingleLineCharField(_("responsible partner"), max_length=200, blank=True)
    start_date = models.DateField(
        _("counting from"), help_text=_("Figures count from this date; the plan's start.")
    )
    due_year = models.PositiveSmallIntegerField(_("due year"))
    due_quarter = models.PositiveSmallIntegerField(
        _("due quarter"), choices=[(q, f"Q{q}") for q in range(1, 5)]
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MANUAL)
    indicator = models.CharField(_("indicator"), max_length=40, blank=True, choices=indicators.choices)
    target = models.PositiveIntegerField(_("target"), null=True, blank=True)
    offerings = models.ManyToManyField(
        "bookings.LessonOffering",
        verbose_name=_("only these lesson offerings"),
        blank=True,
        related_name="+",
    )
    techniekhuizen = models.ManyToManyField(
        "pages.TechniekhuisPage", verbose_name=_("only these techniekhuizen"), blank=True, related_name="+"
    )
    school_type = models.CharField(
        _("only schools of type"),
        max_length=8,
        blank=True,
        choices=School.SchoolType.choices,
    )
    manual_status = models.CharField(
        _("status"), max_length=10, choices=ManualStatus.choices, default=ManualStatus.OPEN
    )
    achieved_on = models.DateField(_("achieved on"), null=True, blank=True)
    evidence = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidence"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldPanel("region"),
        FieldPanel("programme_line"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("responsible_partner")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("due_year"), FieldPanel("due_quarter")]),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("indicator"), FieldPanel("target")]),
                FieldPanel("offerings"),
                FieldPanel("techniekhuizen"),
                FieldPanel("school_type"),
            ],
            heading=_("Measured"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("manual_status"), FieldPanel("achieved_on")]),
                FieldPanel("evidence"),
                FieldPanel("note"),
            ],
            heading=_("Reported by hand"),
        ),
    ]

    class Meta:
        ordering = ["region__name", "code", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"

    @property
    def due(self) -> Quarter:
        return Quarter(self.due_year, self.due_quarter)

    @property
    def is_measured(self) -> bool:
        return self.kind == self.Kind.MEASURED

    def filters(self) -> indicators.Filters:
        return indicators.Filters(
            offering_ids=frozenset(o.pk for o in self.offerings.all()),
            techniekhuis_ids=frozenset(t.pk for t in self.techniekhuizen.all()),
            school_type=self.school_type,
        )

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.kind == self.Kind.MEASURED:
            if not self.indicator:
                errors["indicator"] = _("A measured milestone needs an indicator.")
            if not self.target:
                errors["target"] = _("A measured milestone needs a target above zero.")
        if self.due_year and self.start_date and self.start_date > self.due.last_day:
            errors["start_date"] = _("Counting must start before the due quarter ends.")
        if errors:
            raise ValidationError(errors)


class MilestoneSnapshot(models.Model):
    """A milestone's figure at the end of a quarter (the current quarter is updated until it ends)."""

    milestone = models.ForeignKey(
        Milestone, verbose_name=_("milestone"), on_delete=models.CASCADE, related_name="snapshots"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    value = models.FloatField(_("figure"), null=True)
    target = models.PositiveIntegerField(_("target"), null=True)
    status = models.CharField(_("status"), max_length=10)
    taken_on = models.DateField(_("taken on"), default=dt.date.today)

    class Meta:
        ordering = ["milestone", "year", "quarter"]
        verbose_name = _("milestone snapshot")
        verbose_name_plural = _("milestone snapshots")
        constraints = [
            models.UniqueConstraint(
                "milestone", "year", "quarter", name="milestones_one_snapshot_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.milestone.code} {self.year}-Q{self.quarter}: {self.value}"
