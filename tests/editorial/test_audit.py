import csv
import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.editorial.roles import Role
from tests.factories import NewsArticlePageFactory

from .factories import user_in_role

pytestmark = pytest.mark.django_db


def export(**options) -> list[dict[str, str]]:
    out = io.StringIO()
    call_command("export_audit_log", stdout=out, **options)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.fixture
def approved_article(tree):
    author = user_in_role(Role.COMMUNICATIE, tree.a.region, username="communicatie-a")
    editor = user_in_role(Role.EINDREDACTIE, tree.a.region, username="eindredactie-a")
    article = NewsArticlePageFactory(parent=tree.a.news, live=False, title="Drone-race in Gorinchem")
    article.save_revision(user=author)
    state = article.get_workflow().start(article, author)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve", comment="Akkoord, mooi stuk.")
    return article


def test_export_shows_who_approved_what_and_when(approved_article):
    today = timezone.localdate().isoformat()
    rows = export(since=today, until=today)

    approvals = [r for r in rows if r["action"] == "wagtail.workflow.approve"]
    assert len(approvals) == 1
    assert approvals[0]["user"] == "eindredactie-a"
    assert approvals[0]["object"] == "Drone-race in Gorinchem"
    assert approvals[0]["comment"] == "Akkoord, mooi stuk."
    assert any(r["action"] == "wagtail.publish" and r["object"] == "Drone-race in Gorinchem" for r in rows)
    starts = [r for r in rows if r["action"] == "wagtail.workflow.start"]
    assert starts and starts[0]["user"] == "communicatie-a"
    assert rows == sorted(rows, key=lambda r: r["timestamp"])


def test_export_only_includes_the_requested_period_and_action(approved_article):
    PageLogEntry.objects.filter(action="wagtail.workflow.start").update(
        timestamp=timezone.now() - dt.timedelta(days=40)
    )
    today = timezone.localdate()
    recent = export(since=(today - dt.timedelta(days=7)).isoformat(), until=today.isoformat())
    assert not [r for r in recent if r["action"] == "wagtail.workflow.start"]
    old = export(
        since=(today - dt.timedelta(days=41)).isoformat(),
        until=(today - dt.timedelta(days=39)).isoformat(),
        action="wagtail.workflow",
    )
    assert [r["action"] for r in old] == ["wagtail.workflow.start"]
    assert (
        export(
            since=(today + dt.timedelta(days=1)).isoformat(), until=(today + dt.timedelta(days=2)).isoformat()
        )
        == []
    )


def test_export_writes_a_file_and_neutralises_formulas(approved_article, tmp_path):
    approved_article.title = '=HYPERLINK("http://evil")'
    approved_article.save_revision(log_action=True)
    target = tmp_path / "audit.csv"
    today = timezone.localdate().isoformat()
    call_command("export_audit_log", since=today, until=today, output=str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert rows and all(not r["object"].startswith("=") for r in rows)


def test_export_refuses_bad_dates(db):
    with pytest.raises(CommandError):
        export(since="gisteren", until="2026-01-01")
    with pytest.raises(CommandError):
        export(since="2026-02-01", until="2026-01-01")
