"""Issue a certificate when someone is checked in at a professional-development activity."""

from django.dispatch import receiver

from cms.events.models import EventRegistration
from cms.events.signals import registration_attended

from . import services


@receiver(registration_attended, sender=EventRegistration, dispatch_uid="professionalisation_certificate")
def certificate_on_check_in(sender, attendance, **kwargs) -> None:
    services.issue_certificate(attendance.pk)
