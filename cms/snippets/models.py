"""Shared taxonomies and reference data, edited as Wagtail snippets.

Taxonomies are data, not code: SLO is revising the core goals and regions add their own themes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from cms.text import SingleLineCharField

from .validators import (
    latitude_validators,
    longitude_validators,
    normalize_brin,
    normalize_postcode,
    validate_brin,
    validate_postcode,
)


class TaxonomyTerm(index.Indexed, models.Model):
    """A named, sluggable, orderable term: the shape every simple taxonomy shares."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Theme(TaxonomyTerm):
    """A subject or societal theme (energy, digitalisation, inclusion, ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TechWorld(TaxonomyTerm):
    """One of the seven worlds of technology ("zeven werelden van techniek")."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("world of technology")
        verbose_name_plural = _("worlds of technology")


class TargetGroup(TaxonomyTerm):
    """A school level, e.g. "po groep 5/6" or "vmbo bovenbouw kader"."""

    class Level(models.TextChoices):
        PO = "po", _("primary education (po)")
        VMBO = "vmbo", _("pre-vocational secondary (vmbo)")
        PRO = "pro", _("practical education (pro)")
        VSO = "vso", _("special secondary education (vso)")
        MBO = "mbo", _("vocational education (mbo)")

    level = models.CharField(_("level"), max_length=8, choices=Level.choices)

    panels = [FieldPanel("level"), *TaxonomyTerm.panels]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class CoreGoal(TaxonomyTerm):
    """An SLO core goal ("kerndoel") for science & technology, e.g. 45."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)

    panels = [FieldPanel("number"), *TaxonomyTerm.panels]

    class Meta(TaxonomyTerm.Meta):
        ordering = ["number"]
        verbose_name = _("core goal")
        verbose_name_plural = _("core goals")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Region(models.Model):
    """An STO region; each region's website is a Wagtail Site."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="region",
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("site"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Address(models.Model):
    """A Dutch postal address with optional coordinates."""

    street = SingleLineCharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[validate_postcode])
    city = SingleLineCharField(_("city"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=latitude_validators,
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=longitude_validators,
    )

    address_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading=_("Address"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def postal_address(self) -> str:
        """Street, postcode and city on one line: "Zuiderparkweg 300, 3083 AB Rotterdam"."""
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street, town) if part)

    def location_line(self, name: str = "") -> str:
        """``name`` and the postal address on one line, as calendars and mails show a place."""
        return ", ".join(part for part in (name, self.postal_address) if part)

    def clean(self) -> None:
        super().clean()
        if self.postcode:
            self.postcode = normalize_postcode(self.postcode)


class School(index.Indexed, Address):
    class SchoolType(models.TextChoices):
        PO = "po", _("primary school")
        SBO = "sbo", _("special primary school")
        VMBO = "vmbo", _("vmbo school")
        PRO = "pro", _("practical education school")
        VSO = "vso", _("special secondary school")
        MBO = "mbo", _("mbo college")

    name = SingleLineCharField(_("name"), max_length=200)
    brin_code = models.CharField(
        _("BRIN code"),
        max_length=6,
        unique=True,
        validators=[validate_brin],
        help_text=_("2 digits and 2 letters, optionally followed by a 2-digit location number."),
    )
    school_type = models.CharField(_("type"), max_length=8, choices=SchoolType.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schools",
    )
    website = models.URLField(_("website"), blank=True)
    # db_default: rows written by code (or migrations) that predate these fields stay valid.
    contact_name = SingleLineCharField(_("contact person"), max_length=120, blank=True, db_default="")
    contact_email = models.EmailField(
        _("contact email address"),
        blank=True,
        db_default="",
        help_text=_(
            "The school's contact for the region (never shown publicly). Links to the school's own "
            "overviews, such as its teachers' professional development, are mailed here."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("brin_code"),
        FieldPanel("school_type"),
        FieldPanel("region"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
        *Address.address_panels,
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("brin_code"),
        index.FilterField("school_type"),
        index.SearchField("city"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self) -> str:
        return f"{self.name} ({self.brin_code})"

    def clean(self) -> None:
        super().clean()
        self.brin_code = normalize_brin(self.brin_code)


class Partner(index.Indexed, Address):
    """A company, college or organisation that offers something to schools."""

    class PartnerType(models.TextChoices):
        COMPANY = "company", _("company")
        COLLEGE = "college", _("mbo college")
        SCHOOL = "school", _("school")
        ORGANISATION = "organisation", _("organisation")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    partner_type = models.CharField(_("type"), max_length=16, choices=PartnerType.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partners",
    )
    description = models.TextField(_("description"), blank=True)
    offering = models.TextField(
        _("what it offers"),
        blank=True,
        help_text=_("Guest lessons, company visits, internships, elective courses, ..."),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("partner_type"),
        FieldPanel("region"),
        FieldPanel("description"),
        FieldPanel("offering"),
        FieldPanel("website"),
        FieldPanel("logo"),
        *Address.address_panels,
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("offering"),
        index.FilterField("partner_type"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name
