"""Queue transactional mail and deliver it with retries.

``queue_mail`` stores the rendered message in the caller's transaction and enqueues delivery
after commit; ``deliver`` sends one message; ``retry_due`` resends what failed earlier
(run by the ``send_pending_mail`` command, e.g. every minute from cron). Delivery goes through
:func:`transport_connection`, the mail server itself, also when ``EMAIL_BACKEND`` is the
outbox (``backends.OutboxBackend``).
"""

import base64
import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from cms import batch
from cms.text import single_line

from .layout import MailBrand, inline_styles, neutral_brand
from .models import OutgoingMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
OUTBOX_BACKEND = "cms.outbox.backends.OutboxBackend"
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def transport_connection(**kwargs):
    """A connection to what really sends mail: ``OUTBOX_TRANSPORT_BACKEND``, else ``EMAIL_BACKEND``
    unless that is the outbox itself (then SMTP). Bulk senders (newsletters) use it too."""
    backend = getattr(settings, "OUTBOX_TRANSPORT_BACKEND", None) or settings.EMAIL_BACKEND
    return get_connection(SMTP_BACKEND if backend == OUTBOX_BACKEND else backend, **kwargs)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


def subject_line(subject: str) -> str:
    """The subject as the outbox stores and sends it: one line (no header injection, no failure
    on a name saved with a line break) that fits the column."""
    subject = single_line(subject)
    limit = OutgoingMail._meta.get_field("subject").max_length
    return subject if len(subject) <= limit else subject[: limit - 1] + "…"


def header_values(headers: dict[str, str]) -> dict[str, str]:
    return {single_line(str(name)): single_line(str(value)) for name, value in headers.items()}


def queue_mail(
    *,
    to: Iterable[str],
    template: str,
    context: dict,
    subject: str,
    attachments: Iterable[Attachment] = (),
    headers: dict[str, str] | None = None,
    reply_to: Iterable[str] = (),
    key: str | None = None,
    brand: MailBrand | None = None,
) -> OutgoingMail:
    """Render ``<template>.txt`` (and ``<template>.html`` when it exists) and queue the mail.

    Templates that extend the mail layout (``outbox/email/layout.*``) show ``brand``, the look of
    the region the mail is about (:func:`cms.outbox.layout.brand_for`); without one, the neutral look.
    With a ``key`` the call is idempotent: a second call returns the first mail unchanged.
    """
    if key and (existing := OutgoingMail.objects.filter(key=key).first()):
        return existing
    recipients = [single_line(address) for address in to]
    body_text, body_html = render_mail(template, context, subject=subject, brand=brand)
    mail = OutgoingMail.objects.create(
        key=key,
        to=recipients,
        from_email=settings.DEFAULT_FROM_EMAIL,
        reply_to=[single_line(address) for address in reply_to],
        subject=subject_line(subject),
        body_text=body_text,
        body_html=body_html,
        headers=header_values(headers or {}),
        attachments=[
            {"filename": a.filename, "mimetype": a.mimetype, "content": base64.b64encode(a.content).decode()}
            for a in attachments
        ],
    )
    transaction.on_commit(lambda: enqueue_delivery(mail.pk))
    return mail


def render_mail(
    template: str, context: dict, *, subject: str = "", brand: MailBrand | None = None
) -> tuple[str, str]:
    """The text and HTML (``""`` without ``<template>.html``) of a mail, in the layout's look."""
    context = {**context, "brand": brand or neutral_brand(), "subject": subject_line(subject)}
    body_text = render_to_string(f"{template}.txt", context)
    try:
        body_html = inline_styles(render_to_string(f"{template}.html", context))
    except TemplateDoesNotExist:
        body_html = ""
    return body_text, body_html


def enqueue_delivery(mail_id: int) -> None:

    try:
        deliver_mail.enqueue(mail_id)
    except Exception:  # a broken task queue must not fail the request; retry_due picks it up
        logger.exception("Could not enqueue delivery of mail %s", mail_id)


def build_message(mail: OutgoingMail) -> EmailMultiAlternatives:
    """The stored mail as a message; subject and headers are made one line again, so a row stored
    before that rule (or by other code) is sent rather than failing for ever."""
    message = EmailMultiAlternatives(
        subject=single_line(mail.subject),
        body=mail.body_text,
        from_email=mail.from_email or None,
        to=mail.to,
        cc=mail.cc or None,
        bcc=mail.bcc or None,
        reply_to=mail.reply_to or None,
        headers=header_values(mail.headers or {}),
        connection=transport_connection(),
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    return message


def deliver(mail_id: int) -> bool:
    """Send one queued mail; on failure keep it pending with a back-off. Returns whether it was sent."""
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status != OutgoingMail.Status.PENDING:
            return False
        try:
            build_message(mail).send()
        except Exception as error:  # SMTP errors come in many classes; all mean "try again later"
            mail.attempts += 1
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if mail.attempts >= MAX_ATTEMPTS:
                mail.status = OutgoingMail.Status.FAILED
            mail.next_attempt_at = timezone.now() + dt.timedelta(minutes=2**mail.attempts)
            mail.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            logger.warning("Mail %s not sent (attempt %s): %s", mail.pk, mail.attempts, error)
            return False
        mail.status = OutgoingMail.Status.SENT
        mail.sent_at = timezone.now()
        mail.attempts += 1
        mail.save(update_fields=["status", "sent_at", "attempts"])
        return True


def retry_due(now: dt.datetime | None = None) -> int:
    """Deliver every pending mail that is due, one by one; returns how many were sent.

    ``deliver`` parks a mail the server refuses (back-off, then ``failed``); anything else that
    goes wrong with one mail is logged and leaves it pending, never stopping the rest."""
    now = now or timezone.now()
    due = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING).exclude(next_attempt_at__gt=now)
    return batch.each(list(due.values_list("pk", flat=True)), deliver, what="Outgoing mail").done


def prune(now: dt.datetime | None = None) -> int:
    """Delete sent mail after ``OUTBOX_KEEP_SENT_DAYS`` (default 30) and given-up mail after
    ``OUTBOX_KEEP_FAILED_DAYS`` (default 90): the outbox holds personal data (addresses, booking
    details, links with tokens) only as long as it is needed to deliver and to answer questions."""
    now = now or timezone.now()
    keep_sent = dt.timedelta(days=getattr(settings, "OUTBOX_KEEP_SENT_DAYS", 30))
    keep_failed = dt.timedelta(days=getattr(settings, "OUTBOX_KEEP_FAILED_DAYS", 90))
    sent = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT, sent_at__lt=now - keep_sent)
    failed = OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED, created_at__lt=now - keep_failed)
    return sent.delete()[0] + failed.delete()[0]


# --- tasks: the worker runs these services (enqueued above, on commit) ---
@task()
def deliver_mail(mail_id: int) -> bool:
    return deliver(mail_id)
