"""Wagtail workflow signals -> contribution decisions (mail to the contributor); a coordinator named
in the bookings admin gets (or loses) the page rights of their techniekhuis."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import workflow_approved, workflow_rejected

from . import contributions, roles


def _approved(sender, instance, user=None, **kwargs) -> None:
    contributions.on_workflow_approved(instance)


def _rejected(sender, instance, user=None, **kwargs) -> None:
    contributions.on_workflow_rejected(instance)


def _coordinator_saving(sender, instance, **kwargs) -> None:
    instance._previous = sender.objects.filter(pk=instance.pk).select_related("user", "techniekhuis").first()


def _coordinator_saved(sender, instance, **kwargs) -> None:
    previous = getattr(instance, "_previous", None)
    if previous and (previous.user_id, previous.techniekhuis_id) != (
        instance.user_id,
        instance.techniekhuis_id,
    ):
        _coordinator_deleted(sender, previous)
    roles.grant_coordinator(instance.user, instance.techniekhuis)


def _coordinator_deleted(sender, instance, **kwargs) -> None:
    if not sender.objects.filter(user=instance.user_id, techniekhuis=instance.techniekhuis_id).exists():
        roles.revoke_coordinator(instance.user, instance.techniekhuis)


def connect() -> None:
    workflow_approved.connect(_approved, dispatch_uid="editorial-contribution-approved")
    workflow_rejected.connect(_rejected, dispatch_uid="editorial-contribution-rejected")
    if apps.is_installed("cms.bookings"):
        coordinator = apps.get_model("bookings", "Coordinator")
        pre_save.connect(_coordinator_saving, sender=coordinator, dispatch_uid="editorial-coordinator-saving")
        post_save.connect(_coordinator_saved, sender=coordinator, dispatch_uid="editorial-coordinator-saved")
        post_delete.connect(
            _coordinator_deleted, sender=coordinator, dispatch_uid="editorial-coordinator-deleted"
        )
