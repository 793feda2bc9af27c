"""Page sections (registration form on event pages, team form on challenge pages) and admin listings."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.exports import SafeSpreadsheetExportMixin
from cms.pages.models import EventOccurrence

from . import admin_views
from .forms import RegistrationForm, TeamForm
from .models import ChallengeTeam, EventRegistration
from .queries import places_left


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", admin_views.index, name="index"),
        path("datum/<int:occurrence_id>/", admin_views.checkin, name="checkin"),
        path(
            "datum/<int:occurrence_id>/aanwezigheidslijst.pdf",
            admin_views.attendance_list,
            name="attendance_list",
        ),
        path("datum/<int:occurrence_id>/annuleren/", admin_views.cancel_date, name="cancel_date"),
        path("activiteit/<int:page_id>/annuleren/", admin_views.cancel_event, name="cancel_event"),
        path("scan/<str:token>/", admin_views.scan, name="scan"),
    ]
    return [path("inchecken/", include((urls, "events_admin"), namespace="events_admin"))]


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def checkin_menu_item():
    return OrganiserMenuItem(
        _("Check-in"), reverse("events_admin:index"), icon_name="tick-inverse", order=310
    )


@hooks.register("event_page_sections")
def registration_section(page, request) -> str:
    form = RegistrationForm(event=page)
    per_date_closed = form.per_date and len(form.fields["occurrence"].choices) <= 1
    context = {
        "event": page,
        "form": form,
        "places_left": None if form.per_date else places_left(page),
        "closed": page.cancelled or per_date_closed or (not form.per_date and page.start <= timezone.now()),
        "cancelled": page.cancelled,
    }
    return render_to_string("events/event_section.html", context, request=request)


@hooks.register("challenge_page_sections")
def team_section(page, request) -> str:
    if page.registration_deadline is None:
        return ""
    context = {
        "challenge": page,
        "form": TeamForm(),
        "open": page.registration_open,
        "team_count": ChallengeTeam.objects.filter(challenge=page)
        .exclude(status=ChallengeTeam.Status.CANCELLED)
        .count(),
    }
    return render_to_string("events/challenge_section.html", context, request=request)


class ThroughTheFormsOnly(ModelPermissionPolicy):
    """Registrations and teams are made and cancelled through the public forms and links, which keep
    the place counters and waiting lists right; the admin lists, inspects, edits details and exports."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


for _model in (EventRegistration, ChallengeTeam, EventOccurrence):
    register_permission_policy(_model, ThroughTheFormsOnly(_model))


class EventRegistrationIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class EventRegistrationViewSet(SnippetViewSet):
    model = EventRegistration
    index_view_class = EventRegistrationIndexView
    icon = "date"
    menu_label = _("Event registrations")
    list_display = ["name", "email", "organisation", "role", "event", "occurrence", "status", "created_at"]
    list_filter = ["status", "role", "at_the_door"]
    search_fields = ["name", "email", "organisation"]
    # Built-in CSV/XLSX export of the (filtered) list, in Dutch Excel's dialect (cms.exports).
    list_export = ["event", "name", "email", "organisation", "role", "status", "created_at"]
    export_filename = "aanmeldingen"


class ChallengeTeamViewSet(SnippetViewSet):
    model = ChallengeTeam
    icon = "group"
    menu_label = _("Challenge teams")
    list_display = ["team_name", "school", "pupils", "challenge", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["team_name", "teacher_name", "teacher_email"]


class EventOccurrenceViewSet(SnippetViewSet):
    """The dates of events: move a date (its start and end), skip it, or give it its own capacity.
    Cancelling (with a mail to registrants) is under Check-in."""

    model = EventOccurrence
    icon = "calendar-alt"
    menu_label = _("Dates")
    list_display = ["page", "start", "end", "status", "capacity"]
    list_filter = ["status"]
    search_fields = ["page__title"]


class RegistrationsGroup(SnippetViewSetGroup):
    items = (EventRegistrationViewSet, EventOccurrenceViewSet, ChallengeTeamViewSet)
    menu_icon = "date"
    menu_label = _("Registrations")
    menu_name = "registrations"


register_snippet(RegistrationsGroup)
