"""PostgreSQL only: concurrent workers claim deliveries with FOR UPDATE SKIP LOCKED."""

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


def test_a_claimed_mail_commits_without_waiting_for_the_wal_flush_unless_configured(
    archive, settings, recorded_tasks
):
    SubscriberFactory.create_batch(2)
    send = services.schedule_send(NewsletterPageFactory(parent=archive))
    services.start_send(send.pk)
    first, second = send.deliveries.order_by("pk").values_list("pk", flat=True)
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        session_default = cursor.fetchone()[0]

    def while_claimed(delivery_id: int) -> str:
        with services._claimed(delivery_id) as ours, connection.cursor() as cursor:
            assert ours
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    assert while_claimed(first) == "off"
    settings.NEWSLETTER_SYNCHRONOUS_COMMIT = True
    assert while_claimed(second) == session_default
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == session_default, "the setting ends with the claim's transaction"
