"""Scheduled publishing and expiry: Wagtail's publish_scheduled command does it (run it from cron)."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def test_approved_page_with_go_live_date_is_published_by_publish_scheduled(tree, client):
    article = NewsArticlePageFactory(parent=tree.a.news, live=False)
    article.go_live_at = timezone.now() + dt.timedelta(hours=2)
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live and client.get(article.url).status_code == 404

    # Two hours pass: move the scheduled moment (in the approval and in the revision) into the past.
    revision.refresh_from_db()
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")

    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200


def test_expired_page_is_unpublished_by_publish_scheduled(tree, client):
    article = NewsArticlePageFactory(parent=tree.a.news)
    article.expire_at = timezone.now() - dt.timedelta(minutes=1)
    article.save(update_fields=["expire_at"])
    assert client.get(article.url).status_code == 200

    call_command("publish_scheduled")

    article.refresh_from_db()
    assert not article.live and article.expired
    assert client.get(article.url).status_code == 404
    assert article.pk not in [item["id"] for item in client.get("/api/v3/news/").json()["items"]]
