"""One structured line per request and per task; a task enqueued by a request carries its request id."""

import json
import logging
import os

import pytest
from django.core.management import call_command

from cms.health.logs import JSONFormatter, request_id_var
from cms.health.models import TaskOrigin
from cms.outbox.services import deliver_mail

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def request_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "cms.requests"]


@pytest.mark.django_db
def test_one_line_per_request_with_status_duration_and_request_id(client, caplog, region_site):
    caplog.set_level(logging.INFO, logger="cms.requests")
    response = client.get("/")
    (line,) = request_lines(caplog)
    assert (line.method, line.path, line.status) == ("GET", "/", response.status_code)
    assert line.duration_ms >= 0
    assert line.request_id == response["X-Request-ID"]
    assert len(line.request_id) == 32

    formatted = json.loads(JSONFormatter().format(line))
    assert formatted["event"] == "request"
    assert formatted["status"] == response.status_code
    assert formatted["request_id"] == response["X-Request-ID"]
    assert formatted["pid"] == os.getpid()  # which web process answered


@pytest.mark.django_db
def test_proxy_request_id_is_kept_but_only_when_it_is_a_plain_token(client, caplog, region_site):
    caplog.set_level(logging.INFO, logger="cms.requests")
    assert client.get("/", HTTP_X_REQUEST_ID="lb-1234")["X-Request-ID"] == "lb-1234"
    injected = client.get("/", HTTP_X_REQUEST_ID='x"\n{"level": "ERROR"}')["X-Request-ID"]
    assert injected != 'x"\n{"level": "ERROR"}' and len(injected) == 32


def test_probes_are_not_logged(client, caplog):
    caplog.set_level(logging.INFO, logger="cms.requests")
    client.get("/healthz")
    assert request_lines(caplog) == []


@pytest.mark.django_db
def test_booking_tokens_do_not_reach_the_log(client, caplog, region_site):
    caplog.set_level(logging.INFO, logger="cms.requests")
    client.get("/boeken/annuleren/secret-token-value/")
    (line,) = request_lines(caplog)
    assert "secret-token-value" not in line.path
    assert line.path == "/boeken/annuleren/<str:token>/"


@pytest.mark.django_db(transaction=True)
def test_worker_logs_the_task_with_the_enqueuing_requests_id(settings, caplog):
    settings.TASKS = DB_TASKS
    caplog.set_level(logging.INFO, logger="cms.tasks")
    token = request_id_var.set("req-abc")
    try:
        result = deliver_mail.enqueue(0)  # no such mail: a quick, successful task
    finally:
        request_id_var.reset(token)
    assert TaskOrigin.objects.filter(task_id=str(result.id)).exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    (line,) = [r for r in caplog.records if r.name == "cms.tasks"]
    assert line.status == "SUCCESSFUL"
    assert line.task == "cms.outbox.services.deliver_mail"
    assert line.duration_ms >= 0
    assert json.loads(JSONFormatter().format(line))["request_id"] == "req-abc"
    assert not TaskOrigin.objects.exists()  # the link is gone once the task is done
    assert request_id_var.get() == ""  # the worker does not carry it to the next task


@pytest.mark.django_db
def test_a_task_run_inside_the_request_logs_its_id_without_storing_a_link(caplog):
    """The immediate backend (tests, small setups) runs the task in the request's own context."""
    caplog.set_level(logging.INFO, logger="cms.tasks")
    token = request_id_var.set("req-inline")
    try:
        deliver_mail.enqueue(0)  # no such mail: a quick, successful task
    finally:
        request_id_var.reset(token)
    (line,) = [r for r in caplog.records if r.name == "cms.tasks"]
    assert (line.status, line.request_id) == ("SUCCESSFUL", "req-inline")
    assert not TaskOrigin.objects.exists()
