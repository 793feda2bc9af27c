"""Booking work for the task worker: after-commit mails, and periodic jobs (see the commands)."""

from django.conf import settings
from django_tasks import task

from . import privacy, services


@task()
def send_booking_reminders() -> int:
    return services.send_reminders(days_ahead=getattr(settings, "BOOKINGS_REMINDER_DAYS", 3)).done


@task()
def anonymise_old_bookings() -> int:
    return privacy.anonymise_bookings()


@task()
def queue_pending_booking_mails() -> int:
    return services.queue_pending_notifications().done


@task()
def queue_new_booking_mails(booking_id: int) -> bool:
    """Render and queue a new booking's mails (enqueued when the booking commits)."""
    return services.queue_booking_notifications(booking_id)
