"""The signed link in evaluation mails: it opens one invitation's form (and its opt-out page)."""

from django.conf import settings

from cms.signed_links import RowLink, SignedLink

from .models import Invitation

DEFAULT_LINK_DAYS = 60


def link_days() -> int:
    """How long an evaluation link works (``EVALUATIONS_LINK_DAYS``); reminders stop then too."""
    return getattr(settings, "EVALUATIONS_LINK_DAYS", DEFAULT_LINK_DAYS)


def _max_age() -> int:
    return 60 * 60 * 24 * link_days()


ANSWER_LINK = RowLink(SignedLink("cms.evaluations.answer", max_age=_max_age), id_name="i")


def make_answer_token(invitation: Invitation) -> str:
    return ANSWER_LINK.make(invitation.pk, invitation.key)
