"""Issue a certificate when someone is checked in at a professional-development activity; anonymise
it with its registration."""

import logging

from django.dispatch import receiver

from cms.events.models import EventRegistration
from cms.events.signals import registration_attended, registrations_anonymised

from . import services

logger = logging.getLogger(__name__)


@receiver(registration_attended, sender=EventRegistration, dispatch_uid="professionalisation_certificate")
def certificate_on_check_in(sender, attendance, **kwargs) -> None:
    """Rendering the PDF takes ~50 ms: the task worker does it. If the queue is down, do it now."""
    try:
        services.issue_certificate_later.enqueue(attendance.pk)
    except Exception:
        logger.exception("Certificate for attendance %s not queued; issuing it in the request", attendance.pk)
        services.issue_certificate(attendance.pk)


@receiver(registrations_anonymised, sender=EventRegistration, dispatch_uid="professionalisation_anonymise")
def anonymise_with_registrations(sender, **kwargs) -> None:
    """A certificate keeps no name or address once its registration lost them (AVG)."""
    services.anonymise_certificates()
