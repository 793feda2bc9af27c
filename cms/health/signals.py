"""One JSON log line per task (logger ``cms.tasks``) with its duration, status and the enqueuing request's id."""

import logging

from django.dispatch import receiver
from django_tasks.signals import task_enqueued, task_finished, task_started
from django_tasks_db.backend import DatabaseBackend

from .logs import request_id_var
from .models import TaskOrigin

logger = logging.getLogger("cms.tasks")

#: The request id that was current before a task started, per task id (restored when it finishes).
_tokens: dict[str, object] = {}


def _runs_elsewhere(sender: object) -> bool:
    """Only a worker process needs the link; a task run in the request keeps its context anyway.

    db_worker sends some signals with the backend instance as sender, others with its class.
    """
    backend = sender if isinstance(sender, type) else type(sender)
    return issubclass(backend, DatabaseBackend)


@receiver(task_enqueued)
def remember_origin(sender, task_result, **kwargs) -> None:
    request_id = request_id_var.get()
    if request_id and _runs_elsewhere(sender):
        # One INSERT ... ON CONFLICT DO NOTHING: a task id is new (a UUID), so no look-up and no
        # transaction of its own (update_or_create cost 6 statements per task, 18 per booking).
        TaskOrigin.objects.bulk_create(
            [TaskOrigin(task_id=str(task_result.id), request_id=request_id)], ignore_conflicts=True
        )


@receiver(task_started)
def adopt_origin(sender, task_result, **kwargs) -> None:
    if not _runs_elsewhere(sender):
        return
    request_id = (
        TaskOrigin.objects.filter(task_id=str(task_result.id)).values_list("request_id", flat=True).first()
    )
    if request_id:
        _tokens[str(task_result.id)] = request_id_var.set(request_id)


@receiver(task_finished)
def log_task(sender, task_result, **kwargs) -> None:
    task_id = str(task_result.id)
    duration_ms = None
    if task_result.started_at and task_result.finished_at:
        duration_ms = round((task_result.finished_at - task_result.started_at).total_seconds() * 1000, 1)
    status = str(task_result.status)
    logger.log(
        logging.ERROR if status == "FAILED" else logging.INFO,
        "task %s %s",
        task_result.task.module_path,
        status,
        extra={
            "event": "task",
            "request_id": request_id_var.get(),
            "task": task_result.task.module_path,
            "task_id": task_id,
            "status": status,
            "duration_ms": duration_ms,
            "attempt": len(task_result.worker_ids),
        },
    )
    if _runs_elsewhere(sender):
        TaskOrigin.objects.filter(task_id=task_id).delete()
    token = _tokens.pop(task_id, None)
    if token is not None:
        request_id_var.reset(token)
