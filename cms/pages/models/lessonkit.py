from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.pages.blocks import LessonStepsBlock, MaterialsBlock, VideoBlock
from cms.pages.serializers import RelatedObjectField, TagNamesField, TermListField
from cms.pages.services import url_if_routed

from .base import BasePage


def counted_download_url(name: str, pk: int) -> str | None:
    """The databank's download URL that counts the download (``search.urls``), if the search app is routed.

    Teachers download from the kit page, the API and the databank alike; every way must count,
    because the counts sort the databank and feed the funders' dashboard.
    """
    return url_if_routed(f"search:{name}", pk)


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("all rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.nl",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.nl",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/deed.nl",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.nl",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}


class LessonKitTag(TaggedItemBase):
    content_object = ParentalKey("pages.LessonKitPage", on_delete=models.CASCADE, related_name="tagged_items")


class LessonKitPage(BasePage):
    """A ready-to-use lesson kit ("leskist") in the shared databank."""

    summary = models.TextField(_("summary"), max_length=1000)
    introduction_field = "summary"
    learning_goals = RichTextField(_("learning goals"), features=["ul", "ol", "bold", "italic"])
    target_groups = ParentalManyToManyField(
        "snippets.TargetGroup", verbose_name=_("target groups"), related_name="lesson_kits"
    )
    themes = ParentalManyToManyField(
        "snippets.Theme", verbose_name=_("themes"), blank=True, related_name="lesson_kits"
    )
    tech_worlds = ParentalManyToManyField(
        "snippets.TechWorld",
        verbose_name=_("worlds of technology"),
        blank=True,
        related_name="lesson_kits",
    )
    core_goals = ParentalManyToManyField(
        "snippets.CoreGoal", verbose_name=_("SLO core goals"), blank=True, related_name="lesson_kits"
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    preparation_minutes = models.PositiveSmallIntegerField(_("preparation (minutes)"), default=0)
    group_size_min = models.PositiveSmallIntegerField(_("minimum group size"), null=True, blank=True)
    group_size_max = models.PositiveSmallIntegerField(_("maximum group size"), null=True, blank=True)
    materials = StreamField(MaterialsBlock(), verbose_name=_("materials and consumables"), blank=True)
    steps = StreamField(LessonStepsBlock(), verbose_name=_("lesson steps"), blank=True)
    videos = StreamField([("video", VideoBlock())], verbose_name=_("instruction videos"), blank=True)
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices, default=Licence.CC_BY_SA)
    author = models.CharField(_("author"), max_length=200, blank=True)
    partner = models.ForeignKey(
        "snippets.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lesson_kits",
    )
    region = models.ForeignKey(
        "snippets.Region",
        verbose_name=_("region of origin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lesson_kits",
    )
    tags = ClusterTaggableManager(through=LessonKitTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["pages.DatabankPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_goals"),
        MultiFieldPanel(
            [
                FieldPanel("target_groups"),
                FieldPanel("themes"),
                FieldPanel("tech_worlds"),
                FieldPanel("core_goals"),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("preparation_minutes")]),
                FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
            ],
            heading=_("Practical"),
        ),
        FieldPanel("materials"),
        FieldPanel("steps"),
        FieldPanel("videos"),
        InlinePanel("downloads", label=_("Downloads")),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("author"), FieldPanel("partner"), FieldPanel("region")],
            heading=_("Origin and licence"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_goals"),
        index.SearchField("steps"),
        index.SearchField("author"),
        index.FilterField("duration_minutes"),
        index.FilterField("licence"),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tech_worlds", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("summary"),
        APIField("learning_goals"),
        APIField("target_groups", serializer=TermListField()),
        APIField("themes", serializer=TermListField()),
        APIField("tech_worlds", serializer=TermListField()),
        APIField("core_goals", serializer=TermListField()),
        APIField("duration_minutes"),
        APIField("preparation_minutes"),
        APIField("group_size_min"),
        APIField("group_size_max"),
        APIField("materials"),
        APIField("steps"),
        APIField("videos"),
        APIField("downloads"),
        APIField("licence"),
        APIField("licence_url"),
        APIField("zip_url"),
        APIField("author"),
        APIField("partner", serializer=RelatedObjectField()),
        APIField("region", serializer=RelatedObjectField()),
        APIField("tags", serializer=TagNamesField()),
    ]

    class Meta:
        verbose_name = _("lesson kit")
        verbose_name_plural = _("lesson kits")

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def zip_url(self) -> str:
        """All files of the kit in one ZIP (empty without the databank's download route)."""
        return counted_download_url("download_kit_zip", self.pk) or ""

    def clean(self) -> None:
        super().clean()
        if (
            self.group_size_min is not None
            and self.group_size_max is not None
            and self.group_size_min > self.group_size_max
        ):
            raise ValidationError(
                {"group_size_max": _("The maximum group size cannot be smaller than the minimum.")}
            )

    def get_context(self, request, *args, **kwargs):
        prefetch_related_objects(
            [self], "downloads__document", "target_groups", "themes", "tech_worlds", "core_goals", "tags"
        )
        context = super().get_context(request, *args, **kwargs)
        # Other apps (e.g. loans: borrow the physical box) add sections through this hook; safe HTML.
        context["extra_sections"] = [
            html for hook in hooks.get_hooks("lesson_kit_page_sections") if (html := hook(self, request))
        ]
        return context

    @classmethod
    def api_queryset(cls, queryset):
        return (
            super()
            .api_queryset(queryset)
            .select_related("partner", "region")
            .prefetch_related(
                "target_groups",
                "themes",
                "tech_worlds",
                "core_goals",
                "tags",
                "downloads__document",
            )
        )


def public_lesson_kits() -> models.QuerySet[LessonKitPage]:
    """Live lesson kits anonymous visitors may see: the one rule that search, feeds and the
    OAI-PMH endpoint share (drafts and kits under a view restriction never leave the site)."""
    return LessonKitPage.objects.live().public()


class LessonKitDownload(Orderable):
    """A downloadable file of a lesson kit: lesson plan, teacher manual, worksheet, ..."""

    class Kind(models.TextChoices):
        LESSON_PLAN = "lesson_plan", _("lesson plan")
        TEACHER_MANUAL = "teacher_manual", _("teacher manual")
        WORKSHEET = "worksheet", _("worksheet")
        ASSIGNMENT = "assignment", _("practical assignment")
        PRESENTATION = "presentation", _("presentation")
        OTHER = "other", _("other")

    page = ParentalKey(LessonKitPage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKSHEET)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Defaults to the document title.")
    )

    panels = [FieldPanel("document"), FieldPanel("kind"), FieldPanel("title")]
    api_fields = [
        APIField("kind"),
        APIField("display_title"),
        APIField("download_url"),
        APIField("file_extension"),
        APIField("file_size"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or self.document.title

    @property
    def download_url(self) -> str:
        return counted_download_url("download_file", self.pk) or self.document.url

    @property
    def file_extension(self) -> str:
        return self.document.file_extension

    @property
    def file_size(self) -> int | None:
        """Bytes, so a teacher knows what a download costs; measured once if an import left it out."""
        return self.document.get_file_size()

    @property
    def kind_is_in_title(self) -> bool:
        """ "Werkblad" titled "Werkblad": the list need not say the kind twice."""
        return self.get_kind_display().casefold() in self.display_title.casefold()
