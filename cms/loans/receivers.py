"""The databank shows which kits can be borrowed: tell it when that may have changed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save

from cms.pages.signals import kit_facts_changed

from .models import Copy, LendableItem


def _kits_changed(*page_ids) -> None:
    page_ids = sorted({pk for pk in page_ids if pk})
    if page_ids:
        transaction.on_commit(lambda: kit_facts_changed.send(sender=LendableItem, page_ids=page_ids))


def on_item_changed(sender, instance: LendableItem, **kwargs) -> None:
    # The kit it was attached to before this save lost its box too.
    _kits_changed(instance.lesson_kit_id, getattr(instance, "_lesson_kit_id_before", None))


def on_item_loaded(sender, instance: LendableItem, **kwargs) -> None:
    instance._lesson_kit_id_before = instance.lesson_kit_id


def on_copy_changed(sender, instance: Copy, **kwargs) -> None:
    _kits_changed(
        LendableItem.objects.filter(pk=instance.item_id).values_list("lesson_kit", flat=True).first()
    )


def connect() -> None:
    post_init.connect(on_item_loaded, sender=LendableItem, dispatch_uid="loans_item_loaded")
    post_save.connect(on_item_changed, sender=LendableItem, dispatch_uid="loans_item_saved")
    post_delete.connect(on_item_changed, sender=LendableItem, dispatch_uid="loans_item_deleted")
    post_save.connect(on_copy_changed, sender=Copy, dispatch_uid="loans_copy_saved")
    post_delete.connect(on_copy_changed, sender=Copy, dispatch_uid="loans_copy_deleted")
