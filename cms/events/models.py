"""Registrations for learning-network events and team registrations for challenges.

An event's places are counted on an :class:`EventCapacity` row (one per event page) so the
shared capacity bookkeeping of :mod:`cms.participation.capacity` can reserve a place with one
conditional UPDATE. The row's ``capacity`` follows ``EventPage.capacity`` (synced on publish
and before every registration). An event whose editor lets people register per date counts each
date (:class:`~cms.pages.models.EventOccurrence`) on its own :class:`OccurrenceCapacity` row.

A registration ends as attended, no-show or cancelled; each check-in is an :class:`Attendance`
row (one per registration and date), so a series registration can attend some dates.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms.participation.models import Participation
from cms.text import SingleLineCharField


class EventCapacity(models.Model):
    """The place counter of one event: ``registered`` confirmed places of ``capacity`` (NULL = unlimited)."""

    page = models.OneToOneField(
        "pages.EventPage", primary_key=True, on_delete=models.CASCADE, related_name="capacity_row"
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registered = models.PositiveIntegerField(_("registered"), default=0)

    class Meta:
        verbose_name = _("event capacity")
        verbose_name_plural = _("event capacities")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.registered}/{self.capacity or '∞'}"

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered, 0)


class OccurrenceCapacity(models.Model):
    """The place counter of one date of an event that takes registrations per date."""

    occurrence = models.OneToOneField(
        "pages.EventOccurrence", primary_key=True, on_delete=models.CASCADE, related_name="capacity_row"
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registered = models.PositiveIntegerField(_("registered"), default=0)

    class Meta:
        verbose_name = _("date capacity")
        verbose_name_plural = _("date capacities")

    def __str__(self) -> str:
        return f"{self.occurrence_id}: {self.registered}/{self.capacity or '∞'}"


class EventRegistration(Participation):
    """One person's registration for an event (the whole series, or one date of it).

    Confirmed or on the waiting list while open; it ends as attended, no-show or cancelled (personal
    data removed after a while, see :mod:`cms.events.privacy`).
    """

    class Role(models.TextChoices):
        TEACHER = "teacher", _("teacher")
        COMPANY_STAFF = "company_staff", _("company staff")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        ATTENDED = "attended", _("attended")
        NO_SHOW = "no_show", _("did not show up")

    #: Statuses that hold a place (an attended or absent registration keeps the place it had).
    HOLDING = (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW)

    event = models.ForeignKey(
        "pages.EventPage", verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    occurrence = models.ForeignKey(
        "pages.EventOccurrence",
        verbose_name=_("date"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
        help_text=_("Empty: the whole series (or the only date)."),
    )
    name = SingleLineCharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    organisation = SingleLineCharField(_("organisation or school"), max_length=200, blank=True)
    school = models.ForeignKey(
        "snippets.School",
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        help_text=_("The school the participant came for: its coverage counts the event once checked in."),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.TEACHER)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED)
    at_the_door = models.BooleanField(_("registered at the door"), default=False, editable=False)

    panels = [
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")]),
        FieldPanel("school"),
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        constraints = [
            # One active registration per address and event (or date); a cancelled one may be renewed.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(status="cancelled") & models.Q(occurrence__isnull=True),
                name="events_registration_one_active_per_email",
            ),
            models.UniqueConstraint(
                "occurrence",
                Lower("email"),
                condition=~models.Q(status="cancelled") & models.Q(occurrence__isnull=False),
                name="events_registration_one_active_per_email_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.event_id}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.WAITLISTED)


class Attendance(models.Model):
    """A registration checked in at one date of its event (the QR code is single-use per date)."""

    class Method(models.TextChoices):
        QR = "qr", _("QR code")
        LIST = "list", _("name on the list")
        DOOR = "door", _("registered at the door")

    registration = models.ForeignKey(
        EventRegistration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    occurrence = models.ForeignKey(
        "pages.EventOccurrence", verbose_name=_("date"), on_delete=models.PROTECT, related_name="attendances"
    )
    method = models.CharField(_("checked in by"), max_length=8, choices=Method.choices, default=Method.QR)
    checked_in_at = models.DateTimeField(_("checked in"), auto_now_add=True)

    class Meta:
        ordering = ["checked_in_at", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint("registration", "occurrence", name="events_attendance_once_per_date"),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} @ {self.occurrence_id}"


class ChallengeTeam(Participation):
    """A school's team for a challenge, registered until the challenge's deadline."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        CANCELLED = "cancelled", _("cancelled")

    challenge = models.ForeignKey(
        "pages.ChallengePage", verbose_name=_("challenge"), on_delete=models.PROTECT, related_name="teams"
    )
    school = models.ForeignKey(
        "snippets.School", verbose_name=_("school"), on_delete=models.PROTECT, related_name="challenge_teams"
    )
    team_name = SingleLineCharField(_("team name"), max_length=100)
    pupils = models.PositiveSmallIntegerField(
        _("number of pupils"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    teacher_name = SingleLineCharField(_("supervising teacher"), max_length=120)
    teacher_email = models.EmailField(_("teacher's email"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REGISTERED)

    panels = [
        FieldPanel("challenge"),
        FieldPanel("school"),
        FieldRowPanel([FieldPanel("team_name"), FieldPanel("pupils")]),
        MultiFieldPanel([FieldPanel("teacher_name"), FieldPanel("teacher_email")], heading=_("Teacher")),
        FieldPanel("status"),
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("challenge team")
        verbose_name_plural = _("challenge teams")
        constraints = [
            models.UniqueConstraint(
                "challenge",
                Lower("team_name"),
                condition=~models.Q(status="cancelled"),
                name="events_team_name_unique_per_challenge",
            ),
        ]

    def __str__(self) -> str:
        return self.team_name
