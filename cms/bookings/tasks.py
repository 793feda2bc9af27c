"""Periodic booking work for the task worker (schedule e.g. daily)."""

from django.conf import settings
from django_tasks import task

from . import privacy, services


@task()
def send_booking_reminders() -> int:
    return services.send_reminders(days_ahead=getattr(settings, "BOOKINGS_REMINDER_DAYS", 3))


@task()
def anonymise_old_bookings() -> int:
    return privacy.anonymise_bookings()
