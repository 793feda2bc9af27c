from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OutgoingMail


class OutgoingMailViewSet(SnippetViewSet):
    """Read-mostly view so staff can see whether a confirmation went out."""

    model = OutgoingMail
    icon = "mail"
    menu_order = 900
    add_to_admin_menu = False
    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    inspect_view_enabled = True


register_snippet(OutgoingMailViewSet)
