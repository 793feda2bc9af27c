"""An email backend that keeps every mail in the outbox until the mail server accepts it.

With ``EMAIL_BACKEND = "cms.outbox.backends.OutboxBackend"`` mail that other code sends through
Django (Wagtail's workflow notifications, password resets, error mails to admins) gets the same
promise as our own transactional mail: an SMTP outage delays it, never loses it. The outbox
delivers through ``OUTBOX_TRANSPORT_BACKEND`` (default: Django's SMTP backend).
"""

import base64
from email.mime.base import MIMEBase

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .models import OutgoingMail
from .services import enqueue_delivery, header_values, subject_line


def _attachment(attachment) -> dict:
    if isinstance(attachment, MIMEBase):
        content = attachment.get_payload(decode=True) or b""
        filename = attachment.get_filename() or "attachment"
        mimetype = attachment.get_content_type()
    else:
        filename, content, mimetype = attachment
        mimetype = mimetype or "application/octet-stream"
    if isinstance(content, str):
        content = content.encode()
    return {"filename": filename, "mimetype": mimetype, "content": base64.b64encode(content).decode()}


def _html_alternative(message: EmailMessage) -> str:
    for content, mimetype in getattr(message, "alternatives", ()):
        if mimetype == "text/html":
            return content
    return message.body if message.content_subtype == "html" else ""


def store(message: EmailMessage) -> OutgoingMail:
    """The message as an outbox row (delivery is enqueued after the surrounding commit)."""
    is_html = message.content_subtype == "html"
    mail = OutgoingMail.objects.create(
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        from_email=message.from_email or "",
        reply_to=list(message.reply_to),
        subject=subject_line(message.subject),
        body_text="" if is_html else message.body,
        body_html=_html_alternative(message),
        headers=header_values(message.extra_headers),
        attachments=[_attachment(a) for a in message.attachments],
    )
    transaction.on_commit(lambda: enqueue_delivery(mail.pk))
    return mail


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        stored = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                store(message)
            except Exception:
                if not self.fail_silently:
                    raise
                continue
            stored += 1
        return stored
