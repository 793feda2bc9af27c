"""Outbox work for the task worker; the retry of due mail is the ``send_pending_mail`` command (cron)."""

from django_tasks import task

from . import services


@task()
def deliver_mail(mail_id: int) -> bool:
    return services.deliver(mail_id)
