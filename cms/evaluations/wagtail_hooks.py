from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import QuestionSet


class QuestionSetViewSet(SnippetViewSet):
    model = QuestionSet
    icon = "form"
    menu_label = _("Evaluation questions")
    list_display = ["name", "kind", "active"]
    list_filter = ["kind", "active"]


register_snippet(QuestionSetViewSet)


class ResultsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_view(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("evaluations/", admin_views.index, name="evaluations_results"),
        path("evaluations/subject/", admin_views.subject, name="evaluations_subject"),
        path("evaluations/export.csv", admin_views.export_csv, name="evaluations_export"),
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ResultsMenuItem(_("Evaluations"), reverse("evaluations_results"), icon_name="form", order=910)
