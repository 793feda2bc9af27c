"""With the outbox as EMAIL_BACKEND, mail other code sends (Wagtail's notifications too) survives an
SMTP outage and is delivered once, with everything it had."""

import datetime as dt

import pytest
from django.core.mail import EmailMultiAlternatives, send_mail
from django.utils import timezone

from cms.outbox.models import OutgoingMail
from cms.outbox.services import retry_due

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def outbox_backend(settings, smtp_server):
    settings.EMAIL_BACKEND = "cms.outbox.backends.OutboxBackend"
    return smtp_server


def test_django_mail_goes_through_the_outbox_to_the_smtp_server(outbox_backend):
    message = EmailMultiAlternatives(
        subject="Nieuwe inzending",
        body="Er staat een leskist klaar.",
        from_email="redactie@techtown.nl",
        to=["eind@example.org"],
        cc=["comm@example.org"],
        bcc=["archief@example.org"],
        reply_to=["redactie@techtown.nl"],
        headers={"X-Region": "techtown"},
    )
    message.attach_alternative("<p>Er staat een <b>leskist</b> klaar.</p>", "text/html")
    message.attach("lesplan.pdf", b"%PDF-1.4 test", "application/pdf")

    assert message.send() == 1

    mail = OutgoingMail.objects.get()
    assert mail.status == OutgoingMail.Status.SENT
    ((recipients, received),) = outbox_backend.messages
    assert sorted(recipients) == ["archief@example.org", "comm@example.org", "eind@example.org"]
    assert received["Cc"] == "comm@example.org"
    assert "Bcc" not in received
    assert (received["Subject"], received["Reply-To"], received["X-Region"]) == (
        "Nieuwe inzending",
        "redactie@techtown.nl",
        "techtown",
    )
    assert "Er staat een leskist klaar." in received.get_body(("plain",)).get_content()
    assert "<b>leskist</b>" in received.get_body(("html",)).get_content()
    (attachment,) = received.iter_attachments()
    assert (attachment.get_filename(), attachment.get_content()) == ("lesplan.pdf", b"%PDF-1.4 test")


def test_mail_sent_while_the_smtp_server_is_down_is_kept_and_retried_once(outbox_backend):
    outbox_backend.stop()

    assert send_mail("Ter goedkeuring", "Graag beoordelen.", None, ["eind@example.org"]) == 1

    mail = OutgoingMail.objects.get()
    assert (mail.status, mail.attempts) == (OutgoingMail.Status.PENDING, 1)
    outbox_backend.start()
    assert retry_due(now=timezone.now() + dt.timedelta(hours=1)) == 1
    assert retry_due(now=timezone.now() + dt.timedelta(hours=2)) == 0
    assert [r for r, _m in outbox_backend.messages] == [["eind@example.org"]]


def test_wagtail_workflow_notifications_survive_an_smtp_outage(outbox_backend, region_site):
    from cms.editorial.roles import Role
    from cms.editorial.workflows import setup_workflows
    from tests.editorial.factories import user_in_role
    from tests.factories import NewsArticlePageFactory

    setup_workflows()
    author = user_in_role(Role.COMMUNICATIE, region_site.region, email="comm@example.org")
    user_in_role(Role.EINDREDACTIE, region_site.region, email="eind@example.org")
    article = NewsArticlePageFactory(parent=region_site.news, live=False)
    outbox_backend.stop()

    article.save_revision(user=author)
    article.get_workflow().start(article, author)

    pending = [mail for mail in OutgoingMail.objects.all() if "eind@example.org" in mail.to]
    assert pending
    assert {mail.status for mail in pending} == {OutgoingMail.Status.PENDING}
    outbox_backend.start()
    retry_due(now=timezone.now() + dt.timedelta(hours=1))
    assert ["eind@example.org"] in [r for r, _m in outbox_backend.messages]
