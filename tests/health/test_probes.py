"""/healthz and /readyz as a load balancer sees them."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.outbox.models import OutgoingMail
from cms.outbox.services import deliver_mail

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_healthz_answers_without_touching_the_database(client):
    response = client.get("/healthz")  # no django_db mark: any query would raise
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_probes_skip_host_check_https_redirect_and_rate_limits(client, settings):
    """A load balancer calls over plain HTTP with its own Host header, every few seconds."""
    settings.ALLOWED_HOSTS = ["www.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    for _ in range(50):
        assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400  # the check still holds elsewhere


@pytest.mark.django_db
def test_readyz_lists_each_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "ok"
    assert body["checks"]["elasticsearch"]["status"] == "skipped"  # not configured here
    assert set(body["checks"]) == {"database", "cache", "elasticsearch", "task_queue", "outbox"}


@pytest.mark.django_db
def test_readyz_fails_when_no_worker_picks_up_tasks(client, settings):
    settings.TASKS = DB_TASKS
    settings.HEALTH_MAX_TASK_AGE = 300
    result = deliver_mail.enqueue(0)  # no such mail: a quick, successful task
    assert client.get("/readyz").json()["checks"]["task_queue"]["status"] == "ok"  # just enqueued

    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=6)
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    check = response.json()["checks"]["task_queue"]
    assert check["status"] == "fail"
    assert "limit 300s" in check["detail"]


@pytest.mark.django_db
def test_readyz_fails_when_mail_waits_too_long(client, settings):
    settings.HEALTH_MAX_OUTBOX_AGE = 900
    mail = OutgoingMail.objects.create(to=["juf@example.org"], subject="Bevestiging", body_text="...")
    assert client.get("/readyz").status_code == 200
    OutgoingMail.objects.filter(pk=mail.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["outbox"]["status"] == "fail"
    OutgoingMail.objects.filter(pk=mail.pk).update(status=OutgoingMail.Status.SENT)
    assert client.get("/readyz").status_code == 200  # delivered mail is no backlog


@pytest.mark.django_db
def test_readyz_fails_when_elasticsearch_does_not_answer(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["elasticsearch"]["status"] == "fail"
    assert response.json()["checks"]["database"]["status"] == "ok"


@pytest.mark.django_db
def test_readyz_fails_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["status"] == "fail"
