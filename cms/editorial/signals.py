"""Wagtail workflow signals -> contribution decisions (mail to the contributor)."""

from wagtail.signals import workflow_approved, workflow_rejected

from . import contributions


def _approved(sender, instance, user=None, **kwargs) -> None:
    contributions.on_workflow_approved(instance)


def _rejected(sender, instance, user=None, **kwargs) -> None:
    contributions.on_workflow_rejected(instance)


def connect() -> None:
    workflow_approved.connect(_approved, dispatch_uid="editorial-contribution-approved")
    workflow_rejected.connect(_rejected, dispatch_uid="editorial-contribution-rejected")
