"""Nothing goes live without the approval the region configured."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from cms.editorial.roles import Role, grant_coordinator
from cms.editorial.workflows import LESSON_KIT_WORKFLOW, region_workflow_name, techniekhuis_workflow_name
from tests.factories import LessonKitPageFactory, NewsArticlePageFactory, TechniekhuisPageFactory

from .factories import UserFactory, user_in_role

pytestmark = pytest.mark.django_db


def submit(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def act(page, user, action, comment=""):
    state = page.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    page.refresh_from_db()
    return WorkflowState.objects.get(pk=state.pk)


def action_names(page, user):
    task = page.current_workflow_task
    return {name for name, _label, _modal in task.get_actions(page, user)}


@pytest.fixture
def staff(tree):
    region = tree.a.region
    return {
        "communicatie": user_in_role(Role.COMMUNICATIE, region, email="comm@example.org"),
        "eindredactie": user_in_role(Role.EINDREDACTIE, region, email="eind@example.org"),
        "eindredactie_b": user_in_role(Role.EINDREDACTIE, tree.b.region, email="eind-b@example.org"),
        "databank": user_in_role(Role.DATABANK, email="databank@example.org"),
        "communicatie_b": user_in_role(Role.COMMUNICATIE, tree.b.region, email="comm-b@example.org"),
    }


def test_each_subtree_gets_its_workflow(tree):
    assert tree.news_a.get_workflow().name == region_workflow_name(tree.a.region)
    assert tree.event_a.get_workflow().name == region_workflow_name(tree.a.region)
    assert tree.news_b.get_workflow().name == region_workflow_name(tree.b.region)
    assert tree.house_a.get_workflow().name == techniekhuis_workflow_name(tree.a.region)
    kit_workflow = tree.kit.get_workflow()
    assert kit_workflow.name == LESSON_KIT_WORKFLOW
    assert kit_workflow.tasks.count() == 2


def test_news_submitted_by_communicatie_is_invisible_until_eindredactie_approves(tree, staff, client):
    article = NewsArticlePageFactory(parent=tree.a.news, live=False, title="Zonneauto's op het Zuidplein")
    submit(article, staff["communicatie"])

    assert client.get(article.url).status_code == 404
    assert article.pk not in [item["id"] for item in client.get("/api/v3/news/").json()["items"]]
    assert action_names(article, staff["communicatie"]) == set()
    assert action_names(article, staff["eindredactie_b"]) == set()
    assert "approve" in action_names(article, staff["eindredactie"])
    assert article.current_workflow_task.user_can_access_editor(article, staff["eindredactie"])
    assert not article.current_workflow_task.user_can_access_editor(article, staff["eindredactie_b"])

    state = act(article, staff["eindredactie"], "approve")

    assert state.status == WorkflowState.STATUS_APPROVED
    assert article.live
    assert client.get(article.url).status_code == 200
    assert article.pk in [item["id"] for item in client.get("/api/v3/news/").json()["items"]]


def test_submission_notifies_the_region_eindredactie_in_dutch(tree, staff):
    article = NewsArticlePageFactory(parent=tree.a.news, live=False)
    mail.outbox.clear()
    submit(article, staff["communicatie"])
    to_final = [m for m in mail.outbox if "eind@example.org" in m.to]
    assert to_final, [m.to for m in mail.outbox]
    assert not [m for m in mail.outbox if "eind-b@example.org" in m.to]
    assert "ingediend" in to_final[0].subject.lower() or "ter goedkeuring" in to_final[0].subject.lower()


def test_rejection_sends_the_article_back_with_the_comment(tree, staff, client):
    article = NewsArticlePageFactory(parent=tree.a.news, live=False)
    submit(article, staff["communicatie"])
    mail.outbox.clear()

    state = act(
        article, staff["eindredactie"], "reject", comment="Graag een foto van de leerlingen toevoegen."
    )

    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not article.live
    assert client.get(article.url).status_code == 404
    assert state.current_task_state.comment == "Graag een foto van de leerlingen toevoegen."
    to_author = [m for m in mail.outbox if "comm@example.org" in m.to]
    assert to_author and "Graag een foto van de leerlingen toevoegen." in to_author[0].body


def test_lesson_kit_needs_databank_review_then_eindredactie(tree, staff):
    kit = LessonKitPageFactory(parent=tree.databank, live=False)
    submit(kit, staff["databank"])

    assert action_names(kit, staff["eindredactie"]) == set()
    assert "approve" in action_names(kit, staff["databank"])
    state = act(kit, staff["databank"], "approve")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not kit.live

    assert action_names(kit, staff["databank"]) == set()
    assert "approve" in action_names(kit, staff["eindredactie_b"])
    state = act(kit, staff["eindredactie_b"], "approve")
    assert state.status == WorkflowState.STATUS_APPROVED
    assert kit.live


def test_techniekhuis_changes_by_coordinator_are_approved_by_region_communicatie(tree, staff):
    coordinator = UserFactory(email="coord@example.org")
    coordinator.save()
    house = TechniekhuisPageFactory(parent=tree.a.techniekhuizen, live=False)
    grant_coordinator(coordinator, house)
    submit(house, coordinator)

    assert action_names(house, staff["communicatie_b"]) == set()
    assert action_names(house, coordinator) == set()
    act(house, staff["communicatie"], "approve")
    assert house.live
