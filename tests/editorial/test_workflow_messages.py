"""After approving or rejecting a task, the moderator sees what happened (Wagtail shows nothing)."""

import html

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cms.editorial.roles import Role
from tests.factories import LessonKitPageFactory, NewsArticlePageFactory

from .factories import user_in_role
from .test_workflows import submit

pytestmark = pytest.mark.django_db


def task_action(client, page, action):
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})


def shown(response) -> list[str]:
    """The messages as the admin shows them (Wagtail's messages are HTML)."""
    return [html.unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]


def test_approving_the_last_task_says_the_page_is_published(tree, client):
    author = user_in_role(Role.COMMUNICATIE, tree.a.region)
    moderator = user_in_role(Role.EINDREDACTIE, tree.a.region)
    article = NewsArticlePageFactory(parent=tree.a.news, live=False, title="Zonneauto's op het Zuidplein")
    submit(article, author)
    client.force_login(moderator)

    response = task_action(client, article, "approve")

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.live
    assert shown(response) == ["“Zonneauto's op het Zuidplein” is goedgekeurd en gepubliceerd."]


def test_approving_a_first_step_names_the_next_one(tree, client):
    author = user_in_role(Role.COMMUNICATIE, tree.a.region)
    reviewer = user_in_role(Role.DATABANK)
    kit = LessonKitPageFactory(parent=tree.databank, live=False, title="Windmolens bouwen")
    submit(kit, author)
    client.force_login(reviewer)

    response = task_action(client, kit, "approve")

    [message] = shown(response)
    assert message.startswith("“Windmolens bouwen” is goedgekeurd in “Inhoudelijke review")
    assert "Eindredactie" in message


def test_requesting_changes_says_so(tree, client):
    author = user_in_role(Role.COMMUNICATIE, tree.a.region)
    moderator = user_in_role(Role.EINDREDACTIE, tree.a.region)
    article = NewsArticlePageFactory(parent=tree.a.news, live=False, title="Robots in de klas")
    submit(article, author)
    client.force_login(moderator)

    response = task_action(client, article, "reject")

    [message] = shown(response)
    assert message.startswith("Wijzigingen gevraagd voor “Robots in de klas”")
