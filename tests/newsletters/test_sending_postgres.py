"""PostgreSQL only: concurrent workers hold a batch's deliveries with advisory locks and skip held ones."""

import threading

import pytest
from django.db import connection

from cms.newsletters import services
from cms.newsletters.models import NewsletterSend
from tests.newsletters.factories import NewsletterPageFactory, SubscriberFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def recorded_tasks(settings):
    """Tasks are recorded, not run, so the test decides which worker sends what."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_two_workers_on_the_same_batch_send_each_mail_once(archive, smtp_server, recorded_tasks):
    subscribers = SubscriberFactory.create_batch(30)
    send = services.schedule_send(NewsletterPageFactory(parent=archive))
    services.start_send(send.pk)
    ids = list(send.deliveries.order_by("pk").values_list("pk", flat=True))
    results, start = [], threading.Barrier(2)

    def worker():
        try:
            start.wait()
            results.append(services.send_batch(send.pk, ids))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    recipients = smtp_server.recipients()
    assert sorted(recipients) == sorted(s.email for s in subscribers), "everyone exactly once"
    assert sum(r.sent for r in results) == 30
    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.DONE


def test_a_batch_holds_its_deliveries_until_it_ends_and_the_next_worker_skips_them(archive, recorded_tasks):
    SubscriberFactory.create_batch(3)
    send = services.schedule_send(NewsletterPageFactory(parent=archive))
    services.start_send(send.pk)
    ids = list(send.deliveries.order_by("pk").values_list("pk", flat=True))
    seen_by_second: list[set[int]] = []
    held, done = threading.Event(), threading.Event()

    def first_worker():
        try:
            with services._held(ids) as ours:
                assert ours == set(ids)
                held.set()
                done.wait(30)
        finally:
            connection.close()

    def second_worker():
        try:
            with services._held(ids) as ours:
                seen_by_second.append(ours)
        finally:
            connection.close()

    first = threading.Thread(target=first_worker)
    first.start()
    held.wait(30)
    second = threading.Thread(target=second_worker)
    second.start()
    second.join(30)
    done.set()
    first.join(30)
    second = threading.Thread(target=second_worker)
    second.start()
    second.join(30)

    assert seen_by_second == [set(), set(ids)], "skipped while held, free once the first batch ended"


def test_marks_commit_without_waiting_for_the_wal_flush_during_a_batch_unless_configured(
    archive, settings, recorded_tasks
):
    SubscriberFactory.create_batch(2)
    send = services.schedule_send(NewsletterPageFactory(parent=archive))
    services.start_send(send.pk)
    first, second = send.deliveries.order_by("pk").values_list("pk", flat=True)

    def synchronous_commit() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    session_default = synchronous_commit()

    def while_held(delivery_id: int) -> str:
        with services._held([delivery_id]) as ours:
            assert ours == {delivery_id}
            return synchronous_commit()

    assert while_held(first) == "off"
    assert synchronous_commit() == session_default, "the batch's setting ends with the batch"
    settings.NEWSLETTER_SYNCHRONOUS_COMMIT = True
    assert while_held(second) == session_default
