from django_tasks import task

from . import services


@task()
def start_send_task(send_id: int) -> None:
    services.start_send(send_id)


@task()
def send_batch_task(send_id: int, delivery_ids: list[int]) -> dict:
    result = services.send_batch(send_id, delivery_ids)
    return {"sent": result.sent, "failed": result.failed, "interrupted": result.interrupted}
