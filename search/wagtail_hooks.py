"""Editors maintain the search synonyms as a snippet."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = Synonym._meta.verbose_name_plural
    list_display = ["terms"]
    search_fields = ["terms"]
    add_to_admin_menu = False


register_snippet(SynonymViewSet)
