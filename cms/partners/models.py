"""What partners (companies, mbo colleges, organisations) offer to schools: the "menukaart"."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class PartnerOfferQuerySet(models.QuerySet):
    def active(self) -> "PartnerOfferQuerySet":
        """Offers that may be shown publicly: switched on by the editor."""
        return self.filter(active=True)

    def for_listing(self) -> "PartnerOfferQuerySet":
        """Everything a listing renders, fetched in a fixed number of queries."""
        return self.select_related("partner", "partner__region").prefetch_related("target_groups", "themes")


class PartnerOffer(index.Indexed, models.Model):
    """One thing a partner offers to schools, with the criteria schools choose by."""

    class Kind(models.TextChoices):
        GUEST_LESSON = "guest_lesson", _("guest lesson")
        COMPANY_VISIT = "company_visit", _("company visit")
        INTERNSHIP = "internship", _("in-depth internship")
        ELECTIVE = "elective", _("elective course")
        WORKSHOP = "workshop", _("workshop")

    class Place(models.TextChoices):
        PARTNER = "partner", _("at the partner")
        SCHOOL = "school", _("at school")
        ONLINE = "online", _("online")

    partner = models.ForeignKey(
        "snippets.Partner", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="offers"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    target_groups = models.ManyToManyField(
        "snippets.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField("snippets.Theme", verbose_name=_("themes"), blank=True, related_name="+")
    place = models.CharField(_("place"), max_length=16, choices=Place.choices, default=Place.PARTNER)
    period = models.CharField(
        _("time or period"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Tuesday afternoons, October to March' or 'on request'."),
    )
    max_pupils = models.PositiveIntegerField(
        _("maximum number of pupils"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty when there is no maximum."),
    )
    cost = models.DecimalField(
        _("cost per group (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("0 means free."),
    )
    insurance_needed = models.BooleanField(
        _("insurance needed"),
        default=False,
        help_text=_("Pupils need extra insurance (e.g. for an internship at a company)."),
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Only active offers are shown."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PartnerOfferQuerySet.as_manager()

    panels = [
        FieldPanel("partner"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("target_groups"),
                FieldPanel("themes"),
                FieldPanel("place"),
                FieldPanel("period"),
                FieldPanel("max_pupils"),
                FieldPanel("cost"),
                FieldPanel("insurance_needed"),
            ],
            heading=_("Criteria"),
        ),
        FieldPanel("active"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering = ["partner__name", "title"]
        verbose_name = _("partner offer")
        verbose_name_plural = _("partner offers")
        indexes = [models.Index(fields=["active", "kind"], name="partners_offer_active_kind")]

    def __str__(self) -> str:
        return f"{self.title} ({self.partner})"

    @property
    def is_free(self) -> bool:
        return self.cost == 0
