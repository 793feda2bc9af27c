"""The invitation and the one reminder, queued through the outbox (one outbox key each)."""

from urllib.parse import urljoin

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.outbox.services import queue_mail

from .models import Invitation
from .registry import Participation
from .tokens import make_answer_token


def answer_url(invitation: Invitation) -> str:
    return urljoin(
        invitation.base_url + "/", reverse("evaluations:answer", args=[make_answer_token(invitation)])
    )


def opt_out_url(invitation: Invitation) -> str:
    return urljoin(
        invitation.base_url + "/", reverse("evaluations:opt_out", args=[make_answer_token(invitation)])
    )


def _queue(invitation: Invitation, participation: Participation, purpose: str, subject: str) -> None:
    queue_mail(
        to=[participation.email],
        template=f"evaluations/email/{purpose}",
        context={
            "invitation": invitation,
            "participation": participation,
            "answer_url": answer_url(invitation),
            "opt_out_url": opt_out_url(invitation),
        },
        subject=subject,
        headers={"List-Unsubscribe": f"<{opt_out_url(invitation)}>"},
        key=f"evaluation-{invitation.pk}-{purpose}",
    )


def invitation_mail(invitation: Invitation, participation: Participation) -> None:
    with translation.override(invitation.language):
        _queue(
            invitation,
            participation,
            "invitation",
            _("How was it? %(title)s") % {"title": invitation.subject_title},
        )


def reminder_mail(invitation: Invitation, participation: Participation) -> None:
    with translation.override(invitation.language):
        _queue(
            invitation,
            participation,
            "reminder",
            _("Reminder: how was %(title)s?") % {"title": invitation.subject_title},
        )
