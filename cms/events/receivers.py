"""Keep an event's place counter in line with the page's capacity when it is published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from cms.pages.models import EventPage

from . import services


@receiver(page_published, sender=EventPage, dispatch_uid="events_sync_capacity")
def sync_capacity_on_publish(sender, instance: EventPage, **kwargs) -> None:
    services.sync_capacity(instance)
