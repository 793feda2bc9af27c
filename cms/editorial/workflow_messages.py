"""A confirmation after approving or rejecting a workflow task.

Wagtail's task action view (the dashboard's and the page header's "Approve" / "Request changes")
redirects without a message, so a moderator can't tell the click worked. The page viewset below
(registered for every page type in ``wagtail_hooks``) adds one.
"""

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState, WorkflowState


def outcome_message(task_state: TaskState, page: Page) -> str:
    """What the moderator's action did, in one sentence; empty when nothing changed."""
    task_state.refresh_from_db()
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    title = get_latest_str(page)
    if task_state.status == TaskState.STATUS_APPROVED:
        if workflow_state.status == WorkflowState.STATUS_APPROVED:
            page.refresh_from_db(fields=["live", "has_unpublished_changes"])
            if page.live and not page.has_unpublished_changes:
                return _("“%(title)s” is approved and published.") % {"title": title}
            return _("“%(title)s” is approved; it goes live at the scheduled time.") % {"title": title}
        next_task = workflow_state.current_task_state
        return _("“%(title)s” is approved in “%(task)s” and goes on to “%(next)s”.") % {
            "title": title,
            "task": task_state.task.name,
            "next": next_task.task.name if next_task else "",
        }
    if task_state.status == TaskState.STATUS_REJECTED:
        return _("Changes requested for “%(title)s”; the author receives your comment.") % {"title": title}
    return ""


class WorkflowActionWithMessageView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if message := outcome_message(self.task_state, self.object):
            messages.success(request, message)
        return response


class EditorialPageViewSet(PageViewSet):
    """Wagtail's default page views, with a message after a workflow action."""

    name = "editorial_pages"
    workflow_action_view_class = WorkflowActionWithMessageView
