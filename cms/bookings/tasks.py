"""Booking work for the task worker. Periodic jobs are management commands run by cron (README)."""

from django_tasks import task

from . import services


@task()
def queue_new_booking_mails(booking_id: int) -> bool:
    """Render and queue a new booking's mails (enqueued when the booking commits)."""
    return services.queue_booking_notifications(booking_id)
