from django_tasks import task

from . import services


@task()
def deliver_mail(mail_id: int) -> bool:
    return services.deliver(mail_id)


@task()
def retry_due_mail() -> int:
    return services.retry_due()
