"""A task handed over with a write exists exactly when the write does."""

import pytest
from django.db import transaction
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from cms.tasks import enqueue_with_write

pytestmark = pytest.mark.django_db

RAN: list[int] = []


@task()
def remember(number: int) -> None:
    RAN.append(number)


class Rollback(Exception):
    pass


def test_with_the_database_queue_the_task_row_is_part_of_the_transaction(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    with pytest.raises(Rollback), transaction.atomic():
        enqueue_with_write(remember, 1)
        assert DBTaskResult.objects.count() == 1, "written at once, in the transaction"
        raise Rollback
    with transaction.atomic():
        enqueue_with_write(remember, 2)

    assert [row.args_kwargs["args"] for row in DBTaskResult.objects.all()] == [[2]]


def test_other_backends_get_the_task_only_once_the_write_has_committed(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    RAN.clear()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_with_write(remember, 3)
        assert RAN == [], "not before the commit"

    assert RAN == [3]
