"""Page sections (registration form on event pages, team form on challenge pages) and admin listings."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import RegistrationForm, TeamForm
from .models import ChallengeTeam, EventRegistration
from .queries import places_left


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


for _model in (EventRegistration, ChallengeTeam):
    register_permission_policy(_model, ThroughTheFormsOnly(_model))


class EventRegistrationViewSet(SnippetViewSet):
    model = EventRegistration
    icon = "date"
    menu_label = _("Event registrations")
    list_display = ["name", "email", "organisation", "role", "event", "status", "created_at"]
    list_filter = ["status", "role"]
    search_fields = ["name", "email", "organisation"]


class ChallengeTeamViewSet(SnippetViewSet):
    model = ChallengeTeam
    icon = "group"
    menu_label = _("Challenge teams")
    list_display = ["team_name", "school", "pupils", "challenge", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["team_name", "teacher_name", "teacher_email"]


class RegistrationsGroup(SnippetViewSetGroup):
    items = (EventRegistrationViewSet, ChallengeTeamViewSet)
    menu_icon = "date"
    menu_label = _("Registrations")
    menu_name = "registrations"


register_snippet(RegistrationsGroup)
