"""Physical lesson kits and tool sets that schools borrow ("uitleen").

A :class:`LendableItem` (the physical edition of a lesson kit page, or a stand-alone tool set)
has numbered :class:`Copy` rows, each held at a :class:`PickupPoint`. A :class:`Reservation`
holds one copy from its pick-up day until its return day plus the item's buffer days
(``blocked_until``): two holding reservations of one copy never overlap (``services.reserve``).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.participation.idempotency import new_idempotency_key
from cms.snippets.models import Address
from cms.text import SingleLineCharField


class PickupPoint(Address):
    """Where schools pick up and return copies: a techniekhuis or another "uitgiftepunt"."""

    name = SingleLineCharField(_("name"), max_length=200)
    techniekhuis = models.ForeignKey(
        "pages.TechniekhuisPage",
        verbose_name=_("techniekhuis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pickup_points",
    )
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("When schools can pick up and return, e.g. Mon-Fri 9-16.")
    )
    email = models.EmailField(_("email"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("techniekhuis"),
        *Address.address_panels,
        FieldPanel("opening_hours"),
        FieldPanel("email"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("pick-up point")
        verbose_name_plural = _("pick-up points")

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return ", ".join(part for part in (self.street, f"{self.postcode} {self.city}".strip()) if part)


class LendableItem(index.Indexed, models.Model):
    """The physical edition of a lesson kit (or a stand-alone tool set) with its loan rules."""

    title = SingleLineCharField(_("title"), max_length=200)
    lesson_kit = models.ForeignKey(
        "pages.LessonKitPage",
        verbose_name=_("lesson kit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lendable_items",
        help_text=_("Empty for a stand-alone tool set."),
    )
    description = models.TextField(_("description"), blank=True)
    contents = models.TextField(
        _("contents"), blank=True, help_text=_("What is in the box, one item a line.")
    )
    consumables = models.TextField(
        _("consumables"), blank=True, help_text=_("What must be refilled after each loan, one item a line.")
    )
    min_weeks = models.PositiveSmallIntegerField(_("minimum loan (weeks)"), default=1)
    max_weeks = models.PositiveSmallIntegerField(_("maximum loan (weeks)"), default=3)
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        default=3,
        help_text=_("How many days before pick-up a reservation must be made."),
    )
    buffer_days = models.PositiveSmallIntegerField(
        _("buffer (days)"), default=2, help_text=_("Days after the return for checking and refilling.")
    )
    fee = models.DecimalField(
        _("loan fee (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    requires_approval = models.BooleanField(_("reservations need the coordinator's approval"), default=False)
    active = models.BooleanField(_("can be borrowed"), default=True)
    # What a loan addresses, next to its lesson kit's own terms: a school's coverage of the worlds of
    # technology and core goals counts the kits its classes borrowed (cms.milestones.coverage).
    tech_worlds = models.ManyToManyField(
        "snippets.TechWorld",
        verbose_name=_("worlds of technology"),
        blank=True,
        related_name="+",
        help_text=_("For a stand-alone tool set; an edition of a lesson kit also counts the kit's own."),
    )
    core_goals = models.ManyToManyField(
        "snippets.CoreGoal", verbose_name=_("SLO core goals"), blank=True, related_name="+"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("lesson_kit"),
        FieldPanel("description"),
        FieldPanel("contents"),
        FieldPanel("consumables"),
        MultiFieldPanel(
            [FieldPanel("tech_worlds"), FieldPanel("core_goals")], heading=_("What it addresses")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_weeks"), FieldPanel("max_weeks")]),
                FieldRowPanel([FieldPanel("lead_time_days"), FieldPanel("buffer_days")]),
                FieldPanel("fee"),
                FieldPanel("requires_approval"),
            ],
            heading=_("Loan rules"),
        ),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("lendable item")
        verbose_name_plural = _("lendable items")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.min_weeks < 1:
            raise ValidationError({"min_weeks": _("A loan lasts at least 1 week.")})
        if self.max_weeks < self.min_weeks:
            raise ValidationError({"max_weeks": _("The maximum cannot be shorter than the minimum.")})


class Copy(models.Model):
    """One physical box with its inventory number, held at a pick-up point."""

    class Status(models.TextChoices):
        IN_SERVICE = "in_service", _("in service")
        OUT_OF_SERVICE = "out_of_service", _("out of service")

    item = models.ForeignKey(
        LendableItem, verbose_name=_("lendable item"), on_delete=models.CASCADE, related_name="copies"
    )
    pickup_point = models.ForeignKey(
        PickupPoint, verbose_name=_("pick-up point"), on_delete=models.PROTECT, related_name="copies"
    )
    inventory_number = models.CharField(_("inventory number"), max_length=40, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.IN_SERVICE)
    condition_notes = models.TextField(_("condition, damage and missing parts"), blank=True)

    panels = [
        FieldPanel("item"),
        FieldPanel("pickup_point"),
        FieldPanel("inventory_number"),
        FieldPanel("condition_notes"),
    ]

    class Meta:
        ordering = ["inventory_number"]
        verbose_name = _("copy")
        verbose_name_plural = _("copies")

    def __str__(self) -> str:
        return f"{self.inventory_number} – {self.item}"


class LoanVoucher(models.Model):
    """Free loans and/or a budget a school may spend on loans in one school year (e.g. Techvoucher)."""

    school = models.ForeignKey(
        "snippets.School", verbose_name=_("school"), on_delete=models.CASCADE, related_name="loan_vouchers"
    )
    school_year_start = models.PositiveSmallIntegerField(
        _("school year starting in"), help_text=_("2026 means school year 2026-2027.")
    )
    free_loans = models.PositiveSmallIntegerField(_("free loans"), default=0)
    used_loans = models.PositiveSmallIntegerField(_("free loans used"), default=0, editable=False)
    budget = models.DecimalField(_("budget (EUR)"), max_digits=8, decimal_places=2, default=Decimal("0.00"))
    spent = models.DecimalField(
        _("budget spent (EUR)"), max_digits=8, decimal_places=2, default=Decimal("0.00"), editable=False
    )
    name = SingleLineCharField(_("name"), max_length=120, blank=True, help_text=_("E.g. Techvoucher."))

    panels = [
        FieldPanel("school"),
        FieldPanel("name"),
        FieldPanel("school_year_start"),
        FieldRowPanel([FieldPanel("free_loans"), FieldPanel("budget")]),
    ]

    class Meta:
        ordering = ["-school_year_start", "school__name"]
        verbose_name = _("loan voucher")
        verbose_name_plural = _("loan vouchers")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year_start"], name="loans_one_voucher_per_year"
            ),
            models.CheckConstraint(
                condition=models.Q(used_loans__lte=models.F("free_loans")), name="loans_voucher_loans_left"
            ),
            models.CheckConstraint(
                condition=models.Q(spent__lte=models.F("budget")), name="loans_voucher_budget"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} {self.school_year_start}-{self.school_year_start + 1}"

    @property
    def free_loans_left(self) -> int:
        return max(self.free_loans - self.used_loans, 0)

    @property
    def budget_left(self) -> Decimal:
        return max(self.budget - self.spent, Decimal("0.00"))

    def save(self, *args, **kwargs):
        """Never write the counters from a (possibly stale) admin instance: only services move them."""
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in ("used_loans", "spent")
            ]
        super().save(*args, **kwargs)


class Reservation(models.Model):
    """A school's loan of one copy from its pick-up day to its return day."""

    class Status(models.TextChoices):
        OFFERED = "offered", _("offered from the waiting list")
        REQUESTED = "requested", _("requested")
        CONFIRMED = "confirmed", _("confirmed")
        PICKED_UP = "picked_up", _("picked up")
        OVERDUE = "overdue", _("overdue")
        RETURNED = "returned", _("returned")
        CANCELLED = "cancelled", _("cancelled")

    #: Statuses whose period blocks the copy (a returned copy stays blocked for its buffer days).
    HOLDING = (
        Status.OFFERED,
        Status.REQUESTED,
        Status.CONFIRMED,
        Status.PICKED_UP,
        Status.OVERDUE,
        Status.RETURNED,
    )
    #: Statuses the school can still change or cancel itself.
    CHANGEABLE = (Status.OFFERED, Status.REQUESTED, Status.CONFIRMED)

    item = models.ForeignKey(
        LendableItem, verbose_name=_("lendable item"), on_delete=models.PROTECT, related_name="reservations"
    )
    copy = models.ForeignKey(
        Copy, verbose_name=_("copy"), on_delete=models.PROTECT, related_name="reservations"
    )
    school = models.ForeignKey(
        "snippets.School",
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="loan_reservations",
    )
    contact_name = SingleLineCharField(_("contact person"), max_length=120)
    email = models.EmailField(_("email"))
    phone = SingleLineCharField(_("phone"), max_length=30, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    privacy_consent = models.BooleanField(_("agreed to the privacy statement"), default=False)
    pickup_date = models.DateField(_("pick-up day"))
    return_date = models.DateField(_("return day"))
    #: Last day the copy is blocked: the return day plus the item's buffer days (after a check-in:
    #: the real return day plus the buffer).
    blocked_until = models.DateField(_("blocked until"), editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED)
    offer_expires_at = models.DateTimeField(_("offer open until"), null=True, blank=True, editable=False)
    voucher = models.ForeignKey(
        LoanVoucher,
        verbose_name=_("voucher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reservations",
        editable=False,
    )
    voucher_amount = models.DecimalField(
        _("paid from the voucher budget (EUR)"), max_digits=8, decimal_places=2, default=Decimal("0.00")
    )
    amount_owed = models.DecimalField(
        _("amount owed (EUR)"), max_digits=8, decimal_places=2, default=Decimal("0.00")
    )
    picked_up_at = models.DateTimeField(_("picked up"), null=True, blank=True, editable=False)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True, editable=False)
    pupils_reached = models.PositiveSmallIntegerField(_("pupils reached"), null=True, blank=True)
    return_notes = models.TextField(_("damage or missing parts on return"), blank=True)
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=64, unique=True, default=new_idempotency_key, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    pickup_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    return_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    overdue_reminder_sent_on = models.DateField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        indexes = [
            models.Index(fields=["copy", "pickup_date", "blocked_until"]),
            models.Index(fields=["item", "status", "pickup_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(return_date__gte=models.F("pickup_date")), name="loans_return_after_pickup"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} – {self.copy.inventory_number} ({self.pickup_date:%d-%m-%Y})"

    @property
    def holds_copy(self) -> bool:
        return self.status in self.HOLDING

    @property
    def pickup_point(self) -> PickupPoint:
        return self.copy.pickup_point

    @property
    def weeks(self) -> int:
        return (self.return_date - self.pickup_date).days // 7 + 1

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.status in (self.Status.PICKED_UP, self.Status.OVERDUE) and day > self.return_date


class WaitingListEntry(models.Model):
    """A school waiting for an item in a period; offered a copy (as a reservation) when one frees up."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        OFFERED = "offered", _("offered")
        ACCEPTED = "accepted", _("accepted")
        EXPIRED = "expired", _("offer expired")
        CANCELLED = "cancelled", _("cancelled")

    item = models.ForeignKey(
        LendableItem, verbose_name=_("lendable item"), on_delete=models.CASCADE, related_name="waiting_list"
    )
    pickup_point = models.ForeignKey(
        PickupPoint,
        verbose_name=_("pick-up point"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: any pick-up point."),
    )
    school = models.ForeignKey(
        "snippets.School", verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    contact_name = SingleLineCharField(_("contact person"), max_length=120)
    email = models.EmailField(_("email"))
    phone = SingleLineCharField(_("phone"), max_length=30, blank=True)
    pickup_date = models.DateField(_("pick-up day"))
    return_date = models.DateField(_("return day"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.WAITING)
    reservation = models.OneToOneField(
        Reservation,
        verbose_name=_("offered reservation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="waiting_entry",
    )
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=64, unique=True, default=new_idempotency_key, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting-list entries")

    def __str__(self) -> str:
        return f"{self.school} – {self.item} ({self.pickup_date:%d-%m-%Y})"


class LoanCoordinator(models.Model):
    """Links a user to a pick-up point whose day list, check-out and check-in they work."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="loan_coordinator_roles",
    )
    pickup_point = models.ForeignKey(
        PickupPoint, verbose_name=_("pick-up point"), on_delete=models.CASCADE, related_name="coordinators"
    )

    panels = [FieldPanel("user"), FieldPanel("pickup_point")]

    class Meta:
        verbose_name = _("loan coordinator")
        verbose_name_plural = _("loan coordinators")
        constraints = [
            models.UniqueConstraint(fields=["user", "pickup_point"], name="loans_unique_coordinator")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.pickup_point}"
