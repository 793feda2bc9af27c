"""Indexes after seeding: built once, in bulk, before ``seed_demo`` returns.

Every page, image and snippet the seed saves enqueues a task that updates one index entry (Wagtail's
reference index, the admin search, the databank search): about 1,600 tasks for a fresh demo. With the
database task backend of development they wait for a worker, so the databank showed 0 kits until
``db_worker`` had worked through them. During the seed those tasks are collected instead, and the three
indexes are rebuilt once with their own commands. Other tasks (mails of the demo bookings) still go to
the configured backend, after the seed's transactions committed.
"""

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from django_tasks import task_backends

logger = logging.getLogger(__name__)

#: Tasks that bring one entry of an index in line with one saved object; a rebuild covers them all.
INDEX_TASKS = frozenset(
    {
        "wagtail.tasks.update_reference_index_task",
        "modelsearch.tasks.insert_or_update_object_task",
        "search.indexing.update_index",
    }
)

COLLECTING_BACKEND = "django_tasks.backends.dummy.DummyBackend"


@contextmanager
def indexes_rebuilt_at_the_end() -> Iterator[None]:
    """Collect the tasks enqueued inside the block; afterwards re-enqueue the non-index ones and
    rebuild the indexes. When the block raises, its transactions rolled back and the tasks are dropped."""
    aliases = list(settings.TASKS)
    collecting = {alias: {"BACKEND": COLLECTING_BACKEND} for alias in aliases}
    with override_settings(TASKS=collecting):
        yield
        collected = [result for alias in aliases for result in task_backends[alias].results]
    for result in collected:
        if result.task.module_path not in INDEX_TASKS:
            result.task.enqueue(*result.args, **result.kwargs)
    rebuild_indexes()


def rebuild_indexes() -> None:
    """Wagtail's reference index and admin search, then the databank (database, and Elasticsearch when
    configured). A failing Elasticsearch is logged: the content and the database index are complete."""
    call_command("rebuild_references_index", verbosity=0)
    call_command("wagtail_update_index", verbosity=0)
    if not apps.is_installed("search"):
        return
    try:
        call_command("search_index", rebuild=True, stdout=io.StringIO())
    except Exception:
        logger.warning("Databank index rebuild failed; run `manage.py search_index --rebuild`", exc_info=True)
