"""Transactional mail survives an SMTP outage and is sent exactly once."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from cms.outbox.models import OutgoingMail
from cms.outbox.services import Attachment, deliver, queue_mail, retry_due

pytestmark = pytest.mark.django_db(transaction=True)


def queue_test_mail(**kwargs):
    kwargs.setdefault("subject", "Bevestiging")
    with transaction.atomic():
        return queue_mail(
            to=["juf@school.nl"], template="outbox/test_mail", context={"name": "Juf Anna"}, **kwargs
        )


def test_mail_is_delivered_over_smtp_after_commit(smtp_server):
    mail = queue_test_mail(attachments=[Attachment("les.ics", b"BEGIN:VCALENDAR", "text/calendar")])

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert smtp_server.recipients() == ["juf@school.nl"]
    message = smtp_server.messages[0][1]
    assert message["Subject"] == "Bevestiging"
    assert "Juf Anna" in message.get_body(("plain",)).get_content()
    assert "<strong>Juf Anna</strong>" in message.get_body(("html",)).get_content()
    assert [part.get_filename() for part in message.iter_attachments()] == ["les.ics"]


def test_smtp_down_keeps_mail_and_retry_delivers_it_once(smtp_server):
    smtp_server.stop()
    mail = queue_test_mail()
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.PENDING
    assert mail.attempts == 1
    assert "Error" in mail.last_error

    smtp_server.start()
    assert retry_due(now=timezone.now()) == 0, "not due before its back-off"
    assert retry_due(now=timezone.now() + dt.timedelta(hours=1)) == 1
    assert retry_due(now=timezone.now() + dt.timedelta(hours=2)) == 0
    assert smtp_server.recipients() == ["juf@school.nl"]


def test_same_key_queues_one_mail(smtp_server):
    first = queue_test_mail(key="booking-1-confirmation")
    second = queue_test_mail(key="booking-1-confirmation")
    assert first.pk == second.pk
    assert deliver(first.pk) is False, "already sent"
    assert len(smtp_server.messages) == 1


@pytest.mark.parametrize(
    "subject",
    ["Hallo\nBcc: spam@example.org", "Hallo\r\nBcc: spam@example.org", "Hallo\u2028Bcc: spam@example.org"],
)
def test_line_breaks_in_subject_and_headers_are_collapsed_never_injected(smtp_server, subject):
    mail = queue_test_mail(subject=subject, headers={"X-Booking": "12\r\nBcc: spam@example.org"})

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert smtp_server.recipients() == ["juf@school.nl"]
    message = smtp_server.messages[0][1]
    assert (message["Subject"], message["X-Booking"]) == (
        "Hallo Bcc: spam@example.org",
        "12 Bcc: spam@example.org",
    )
    assert message["Bcc"] is None


def test_a_stored_mail_with_a_line_break_in_its_subject_is_sent_on_one_line(smtp_server):
    """Rows queued before the rule (or by other code) must not fail delivery for ever."""
    mail = OutgoingMail.objects.create(
        to=["juf@school.nl"],
        subject="Hallo\r\nBcc: spam@example.org",
        body_text="Hoi",
        headers={"X-A": "b\nc"},
    )

    assert retry_due() == 1
    message = smtp_server.messages[0][1]
    assert (message["Subject"], message["X-A"]) == ("Hallo Bcc: spam@example.org", "b c")
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT


def test_a_subject_longer_than_the_column_is_shortened_not_refused(smtp_server):
    mail = queue_test_mail(subject="Nieuwe boeking: " + "school " * 60)

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert len(mail.subject) <= 255 and mail.subject.endswith("…")


def test_old_sent_and_given_up_mail_is_deleted_pending_mail_never(smtp_server, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.OUTBOX_KEEP_SENT_DAYS = 30
    settings.OUTBOX_KEEP_FAILED_DAYS = 90
    now = timezone.now()
    old_sent, new_sent, old_failed, old_pending = (queue_test_mail() for _ in range(4))
    OutgoingMail.objects.filter(pk=old_sent.pk).update(sent_at=now - dt.timedelta(days=31))
    OutgoingMail.objects.filter(pk=old_failed.pk).update(
        status=OutgoingMail.Status.FAILED, created_at=now - dt.timedelta(days=91)
    )
    OutgoingMail.objects.filter(pk=old_pending.pk).update(
        status=OutgoingMail.Status.PENDING,
        created_at=now - dt.timedelta(days=400),
        next_attempt_at=now + dt.timedelta(hours=1),
    )

    out = StringIO()
    call_command("send_pending_mail", stdout=out)

    assert set(OutgoingMail.objects.values_list("pk", flat=True)) == {new_sent.pk, old_pending.pk}
    assert "2 old mail(s) deleted" in out.getvalue()
