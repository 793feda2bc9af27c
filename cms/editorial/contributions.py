"""Teacher contributions: lesson material that becomes a draft lesson kit in moderation.

Nothing a contribution creates is public before approval: the page is a draft (never
published by this code), and its files sit in the "Bijdragen" collection, which only
reviewer groups may download. When the lesson-kit workflow approves the page the files move
to the public collection and the contributor is mailed; on rejection they are mailed too.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, WorkflowState

from cms.errors import DomainError
from cms.i18n import page_language
from cms.outbox.layout import MailBrand, brand_for
from cms.outbox.services import queue_mail
from cms.pages.models import DatabankPage, LessonKitDownload, LessonKitPage
from cms.pages.models.lessonkit import Licence
from cms.pages.services import site_root_url

from .models import Contribution
from .roles import CONTRIBUTIONS_COLLECTION, contributions_collection

logger = logging.getLogger(__name__)


class ContributionError(DomainError):
    """The contribution cannot be accepted (e.g. the installation has no databank yet)."""

    code = "refused"


@dataclass(frozen=True)
class ContributionData:
    title: str
    description: str
    target_groups: Sequence
    themes: Sequence
    duration_minutes: int
    contributor_name: str
    contributor_email: str
    licence_consent: bool
    files: Sequence[UploadedFile]


@transaction.atomic
def _unique_slug(parent, title: str) -> str:
    base = slugify(title)[:60] or "bijdrage"
    slug = base
    while parent.get_children().filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug


def lesson_kit_workflow(databank):
    workflow = databank.get_workflow()
    if workflow is None:
        raise ContributionError(_("Contributions are not possible yet: no review workflow is set up."))
    return workflow


@transaction.atomic
def submit_contribution(data: ContributionData) -> Contribution:
    """Store a teacher's contribution as a draft lesson kit and put it in the review queue."""

    if not data.licence_consent:
        raise ContributionError(_("You must agree to the licence."))
    databank = DatabankPage.objects.first()
    if databank is None:
        raise ContributionError(_("Contributions are not possible yet: there is no databank."))
    workflow = lesson_kit_workflow(databank)

    collection = contributions_collection()
    Document = get_document_model()
    downloads = []
    for upload in data.files:
        title = upload.name.rsplit(".", 1)[0][:255]
        # A random prefix keeps the stored file name unguessable, should MEDIA_URL ever be served.
        upload.name = f"{secrets.token_hex(8)}-{upload.name}"
        document = Document(title=title, file=upload, collection=collection)
        document.save()
        downloads.append(LessonKitDownload(document=document, kind=LessonKitDownload.Kind.OTHER))

    placeholder = _("To be completed by the databank editors.")
    page = LessonKitPage(
        title=data.title,
        slug=_unique_slug(databank, data.title),
        summary=data.description[:1000],
        listing_summary=data.description[:300],
        learning_goals=f"<p>{escape(placeholder)}</p>",
        duration_minutes=data.duration_minutes,
        licence=Licence.CC_BY_SA,
        author=data.contributor_name,
        live=False,
    )
    page.target_groups = list(data.target_groups)
    page.themes = list(data.themes)
    page.downloads = downloads
    databank.add_child(instance=page)
    revision = page.save_revision(log_action=True, clean=False)

    contribution = Contribution.objects.create(
        title=data.title,
        description=data.description,
        contributor_name=data.contributor_name,
        contributor_email=data.contributor_email,
        licence_consent=True,
        page=page,
    )
    contribution.target_groups.set(data.target_groups)
    contribution.themes.set(data.themes)
    workflow.start(page, None)
    logger.info(
        "Contribution %s submitted as draft page %s (revision %s)", contribution.pk, page.pk, revision.pk
    )
    return contribution


def _last_comment(workflow_state: WorkflowState) -> str:
    task_state = workflow_state.task_states.exclude(comment="").order_by("-finished_at", "-pk").first()
    return task_state.comment if task_state else ""


def _publish_documents(page) -> None:
    root = Collection.get_first_root_node()
    Document = get_document_model()
    ids = page.downloads.values_list("document_id", flat=True)
    Document.objects.filter(pk__in=list(ids), collection__name=CONTRIBUTIONS_COLLECTION).update(
        collection=root
    )


def mail_brand(page: LessonKitPage) -> MailBrand:
    """The house style of the kit's region of origin, else of the site the databank is on."""
    region = page.region if page.region_id else None
    site = region.site if region is not None and region.site_id else page.get_site()
    return brand_for(site, site_root_url(site))


def decide(page, *, approved: bool, comment: str) -> Contribution | None:
    """Record the reviewers' decision on the contribution behind ``page`` and mail the contributor."""

    contribution = Contribution.objects.filter(page_id=page.pk).first()
    if contribution is None:
        return None
    page = page.specific
    contribution.status = Contribution.Status.APPROVED if approved else Contribution.Status.REJECTED
    contribution.reviewer_comment = comment
    contribution.decided_at = timezone.now()
    contribution.save(update_fields=["status", "reviewer_comment", "decided_at"])
    if approved:
        _publish_documents(page)
    # The reviewer's admin language is theirs; the contributor reads the language of the databank.
    with translation.override(page_language(page)):
        subject = (
            _("Your lesson material has been published: %(title)s")
            if approved
            else _("Your lesson material needs changes: %(title)s")
        )
        queue_mail(
            to=[contribution.contributor_email],
            template="editorial/email/contribution_approved"
            if approved
            else "editorial/email/contribution_rejected",
            context={
                "contribution": contribution,
                "comment": comment,
                "page_url": page.full_url if approved else "",
            },
            subject=subject % {"title": contribution.title[:150].replace("\n", " ")},
            key=f"editorial-contribution-{contribution.pk}-{contribution.status}-{int(contribution.decided_at.timestamp())}",
            brand=mail_brand(page),
        )
    return contribution


def on_workflow_approved(workflow_state: WorkflowState) -> None:
    page = workflow_state.content_object
    decide(page, approved=True, comment=_last_comment(workflow_state))


def on_workflow_rejected(workflow_state: WorkflowState) -> None:
    page = workflow_state.content_object
    decide(page, approved=False, comment=_last_comment(workflow_state))
