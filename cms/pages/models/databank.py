from django.utils.translation import gettext_lazy as _

from cms.pages.services import paginate, url_if_routed

from .base import IndexPage
from .lessonkit import LessonKitPage


class DatabankPage(IndexPage):
    """The root of the lesson-material databank that all regions of the installation share.

    Search and facets over its lesson kits are the ``search`` app's job; this page only
    lists the newest kits so it is useful on its own.
    """

    max_count = 1
    subpage_types = ["pages.LessonKitPage"]

    class Meta:
        verbose_name = _("databank")
        verbose_name_plural = _("databanks")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kits = (
            self.published_children(LessonKitPage)
            .select_related("listing_image")
            .prefetch_related("target_groups")
            .order_by("title")
        )
        context["lesson_kits"] = paginate(request, kits, per_page=24)
        context["search_url"] = url_if_routed("search:databank_search")
        return context
