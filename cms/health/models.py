from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskOrigin(models.Model):
    """Which request enqueued a task, so the worker's log lines carry that request's id.

    Written when a request enqueues a task, deleted when the task finishes.
    """

    task_id = models.CharField(_("task id"), max_length=64, primary_key=True)
    request_id = models.CharField(_("request id"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("task origin")
        verbose_name_plural = _("task origins")

    def __str__(self) -> str:
        return f"{self.task_id} ← {self.request_id}"
