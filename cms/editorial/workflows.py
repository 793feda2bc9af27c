"""Moderation workflows per region and for the shared databank (idempotent setup).

Wagtail resolves a page's workflow from the nearest ancestor with a ``WorkflowPage``, so:

* each region's home page gets "Redactie – <region>": one step, the region's Eindredactie.
  News, newsletters, events and challenges of the region inherit it;
* each region's techniekhuis index gets "Techniekhuizen – <region>": approval by the region's
  Communicatie group (the coordinators write, communications approves);
* the databank gets "Leskisten": content review by Databank-redactie, then Eindredactie.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from cms.pages.models import DatabankPage, HomePage, TechniekhuisIndexPage
from cms.snippets.regions import regional_group_name

from .roles import Role, setup_roles

LESSON_KIT_WORKFLOW = "Leskisten"
REVIEW_TASK = "Inhoudelijke review (Databank-redactie)"
FINAL_TASK = "Eindredactie"


def region_workflow_name(region) -> str:
    return f"Redactie – {region.name}"


def techniekhuis_workflow_name(region) -> str:
    return f"Techniekhuizen – {region.name}"


def _task(name: str, groups: Sequence[Group]) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set(groups)
    return task


def _workflow(name: str, tasks: Sequence[GroupApprovalTask]) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task__in=tasks).delete()
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    return workflow


def _assign(workflow: Workflow, pages: Sequence[Page]) -> None:
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


@transaction.atomic
def setup_workflows() -> dict[str, Workflow]:
    """Create the workflows and attach them to the tree (runs ``setup_roles`` first)."""

    groups = setup_roles()
    workflows: dict[str, Workflow] = {}

    lesson_kits = _workflow(
        LESSON_KIT_WORKFLOW,
        [
            _task(REVIEW_TASK, [groups[Role.DATABANK]]),
            _task(f"{FINAL_TASK} (databank)", [groups[Role.EINDREDACTIE]]),
        ],
    )
    _assign(lesson_kits, list(DatabankPage.objects.all()))
    workflows[lesson_kits.name] = lesson_kits

    for home in HomePage.objects.filter(region__isnull=False).select_related("region"):
        region = home.region
        final = groups[regional_group_name(Role.EINDREDACTIE, region)]
        communications = groups[regional_group_name(Role.COMMUNICATIE, region)]
        regional = _workflow(
            region_workflow_name(region),
            [
                _task(f"{FINAL_TASK} – {region.name}", [final]),
            ],
        )
        _assign(regional, [home])
        houses = _workflow(
            techniekhuis_workflow_name(region),
            [
                _task(f"Communicatie – {region.name}", [communications]),
            ],
        )
        _assign(houses, list(TechniekhuisIndexPage.objects.child_of(home)))
        workflows[regional.name] = regional
        workflows[houses.name] = houses
    return workflows
