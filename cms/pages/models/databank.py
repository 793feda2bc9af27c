from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

from .base import BasePage


class DatabankPage(BasePage):
    """The root of the lesson-material databank that all regions of the installation share.

    Search and facets over its lesson kits are the ``search`` app's job; this page only
    lists the newest kits so it is useful on its own.
    """

    intro = models.TextField(_("introduction"), blank=True)

    max_count = 1
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.LessonKitPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("databank")
        verbose_name_plural = _("databanks")

    def get_context(self, request, *args, **kwargs):
        from cms.pages.services import paginate

        from .lessonkit import LessonKitPage

        context = super().get_context(request, *args, **kwargs)
        kits = (
            LessonKitPage.objects.live()
            .public()
            .child_of(self)
            .select_related("listing_image")
            .prefetch_related("target_groups")
            .order_by("title")
        )
        context["lesson_kits"] = paginate(request, kits, per_page=24)
        return context
