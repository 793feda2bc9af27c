"""Hand work to the task worker together with the write that needs it.

With the database task backend (production) the task row is written in the caller's transaction:
the task exists exactly when the data does (none for a booking that rolled back, none lost between
the commit and the enqueue), and the request pays one commit, not one more per task (each with its
fsync: a booking for a new school paid five). Other backends (the immediate one in tests and
``make run``, a broker elsewhere) get the task once the transaction has committed, as before; an
enqueue that fails then is logged, never raised into a request whose data is already saved.
"""

from functools import partial

from django.db import connection, transaction
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend


def enqueue_with_write(task: Task, *args) -> None:
    """Enqueue ``task(*args)`` as part of the current transaction when the task queue lives in the
    database, else on commit (right away outside a transaction)."""
    if connection.in_atomic_block and isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(partial(task.enqueue, *args), robust=True)
