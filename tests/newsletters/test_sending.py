"""Sending: only active subscribers, one-click headers, crash-resume and SMTP outages."""

import datetime as dt
import smtplib

import pytest
from django.core.mail.backends.smtp import EmailBackend
from django.test import Client
from django.utils import timezone

from cms.newsletters import services
from cms.newsletters.models import Delivery, NewsletterSend, Subscriber
from tests.factories import EventPageFactory, LessonKitPageFactory, NewsArticlePageFactory
from tests.newsletters.factories import NewsletterPageFactory, SegmentFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


class CrashingSMTP(smtplib.SMTP):
    """A real SMTP client whose process 'dies' at the (k+1)-th mail, at ``crash_at``.

    ``"envelope"``: right after writing that mail's ``MAIL FROM`` (the server has taken nothing);
    ``"answer"``: right after writing its final dot, before reading the server's "250".
    """

    crash_after = 0
    crash_at = "envelope"
    mails = 0

    def putcmd(self, cmd, args=""):
        if cmd == "mail":
            CrashingSMTP.mails += 1
        super().putcmd(cmd, args)
        if cmd == "mail" and self.crash_at == "envelope" and self.mails > self.crash_after:
            raise SystemExit("worker killed")

    def send(self, s):
        super().send(s)
        final_dot = isinstance(s, bytes) and s.endswith(b"\r\n.\r\n")
        if final_dot and self.crash_at == "answer" and self.mails > self.crash_after:
            raise SystemExit("worker killed")


class CrashingBackend(EmailBackend):
    connection_class = CrashingSMTP


def start(newsletter, capture, **kwargs) -> NewsletterSend:
    with capture(execute=True):
        send = services.schedule_send(newsletter, **kwargs)
    send.refresh_from_db()
    return send


def statuses(send) -> dict[str, int]:
    result: dict[str, int] = {}
    for status in send.deliveries.values_list("status", flat=True):
        result[status] = result.get(status, 0) + 1
    return result


def test_only_active_subscribers_of_the_chosen_lists_receive_it(
    archive, smtp_server, django_capture_on_commit_callbacks
):
    schools, parents = SegmentFactory(), SegmentFactory()
    active = SubscriberFactory(email="actief@school.nl", segments=[schools])
    SubscriberFactory(email="onbevestigd@school.nl", segments=[schools], status=Subscriber.Status.PENDING)
    SubscriberFactory(email="afgemeld@school.nl", segments=[schools], status=Subscriber.Status.UNSUBSCRIBED)
    SubscriberFactory(email="bounce@school.nl", segments=[schools], status=Subscriber.Status.BOUNCED)
    SubscriberFactory(email="ouder@thuis.nl", segments=[parents])
    newsletter = NewsletterPageFactory(parent=archive)
    newsletter.segments.set([schools])
    newsletter.save()

    send = start(newsletter, django_capture_on_commit_callbacks)

    assert smtp_server.recipients() == [active.email]
    assert send.status == NewsletterSend.Status.DONE
    assert statuses(send) == {"sent": 1}


def test_a_subscriber_on_two_of_the_chosen_lists_gets_one_mail(
    archive, smtp_server, django_capture_on_commit_callbacks
):
    schools, teachers = SegmentFactory(), SegmentFactory()
    both = SubscriberFactory(email="beide@school.nl", segments=[schools, teachers])
    one = SubscriberFactory(email="een@school.nl", segments=[teachers])
    newsletter = NewsletterPageFactory(parent=archive)
    newsletter.segments.set([schools, teachers])
    newsletter.save()

    send = start(newsletter, django_capture_on_commit_callbacks)

    assert sorted(smtp_server.recipients()) == sorted([both.email, one.email])
    assert statuses(send) == {"sent": 2}


def test_mail_has_one_click_headers_that_unsubscribe_by_post(
    archive, region_site, smtp_server, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory()
    newsletter = NewsletterPageFactory(parent=archive, subject="Nieuws uit de regio")
    NewsArticlePageFactory(parent=region_site.news, title="Zonneauto gebouwd")

    send = start(newsletter, django_capture_on_commit_callbacks)

    message = smtp_server.messages[0][1]
    assert message["Subject"] == "Nieuws uit de regio"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = str(message["List-Unsubscribe"]).strip()  # long values may be folded
    assert header.startswith("<http") and header.endswith(">")
    url = header[1:-1]
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert url in html and url in text, "the footer link is the same per-recipient link"
    assert "Zonneauto gebouwd" in html and "Zonneauto gebouwd" in text
    assert "<table" in html and 'style="' in html

    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert services.send_stats([send.pk])[send.pk]["unsubscribes"] == 1


def crash_then_resume(settings, archive, smtp_server, *, n: int, k: int, at: str) -> NewsletterSend:
    """Send to ``n`` subscribers in batches of 4, crash at the (k+1)-th mail, then resume."""
    [SubscriberFactory() for _ in range(n)]
    settings.NEWSLETTER_BATCH_SIZE = 4
    settings.EMAIL_BACKEND = "tests.newsletters.test_sending.CrashingBackend"
    CrashingSMTP.mails, CrashingSMTP.crash_after, CrashingSMTP.crash_at = 0, k, at
    newsletter = NewsletterPageFactory(parent=archive)
    send = services.schedule_send(newsletter)
    services.start_send(send.pk)
    batches = list(send.deliveries.order_by("pk").values_list("pk", flat=True))

    with pytest.raises(SystemExit):
        for i in range(0, n, 4):
            services.send_batch(send.pk, batches[i : i + 4])

    assert statuses(send) == {"sent": k, "queued": n - k}, (
        "every mail the server took, but the last, is marked"
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    send.refresh_from_db()
    services.resume_send(send)
    send.refresh_from_db()
    return send


def test_crash_mid_batch_then_resume_mails_everyone_exactly_once(
    archive, smtp_server, settings, django_capture_on_commit_callbacks
):
    n, k = 12, 5

    send = crash_then_resume(settings, archive, smtp_server, n=n, k=k, at="envelope")

    recipients = smtp_server.recipients()
    assert sorted(recipients) == sorted(send.deliveries.values_list("email", flat=True))
    assert len(recipients) == n, "nobody twice, nobody missed"
    assert send.status == NewsletterSend.Status.DONE
    assert statuses(send) == {"sent": n}
    services.resume_send(send)
    assert len(smtp_server.messages) == n, "resuming a finished send sends nothing"


def test_crash_between_the_mail_and_the_servers_answer_repeats_only_that_mail(
    archive, smtp_server, settings, django_capture_on_commit_callbacks
):
    """SMTP has no idempotency key: a mail the server took just before the crash goes again."""
    n, k = 12, 6

    send = crash_then_resume(settings, archive, smtp_server, n=n, k=k, at="answer")

    recipients = smtp_server.recipients()
    repeated = {email for email in recipients if recipients.count(email) > 1}
    assert len(recipients) == n + 1 and len(repeated) == 1
    assert repeated == {send.deliveries.order_by("pk")[k].email}, "the (k+1)-th mail, and only it"
    assert statuses(send) == {"sent": n}


def test_smtp_down_keeps_deliveries_queued_and_retry_sends_them(
    archive, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_RESUME_AFTER = 0
    subscribers = [SubscriberFactory() for _ in range(3)]
    smtp_server.stop()

    send = start(NewsletterPageFactory(parent=archive), django_capture_on_commit_callbacks)

    assert send.status == NewsletterSend.Status.SENDING
    assert statuses(send) == {"queued": 3}
    assert "Error" in send.last_error or "refused" in send.last_error.lower()

    smtp_server.start()
    assert services.send_due(now=timezone.now() + dt.timedelta(seconds=1)) == (0, 1)

    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.DONE
    assert sorted(smtp_server.recipients()) == sorted(s.email for s in subscribers)


def test_refused_recipient_is_marked_bounced_and_skipped_next_time(
    archive, smtp_server, django_capture_on_commit_callbacks
):
    good = SubscriberFactory(email="goed@school.nl")
    bad = SubscriberFactory(email="weiger@school.nl")
    smtp_server.refuse = {"weiger@school.nl"}

    send = start(NewsletterPageFactory(parent=archive), django_capture_on_commit_callbacks)

    assert smtp_server.recipients() == [good.email]
    failed = Delivery.objects.get(send=send, subscriber=bad)
    assert failed.status == Delivery.Status.FAILED
    assert "550" in failed.error
    bad.refresh_from_db()
    assert bad.status == Subscriber.Status.BOUNCED
    assert services.audience(send.newsletter).get() == good


def test_scheduled_send_waits_for_its_time(archive, smtp_server, django_capture_on_commit_callbacks):
    SubscriberFactory()
    at = timezone.now() + dt.timedelta(hours=2)

    send = start(NewsletterPageFactory(parent=archive), django_capture_on_commit_callbacks, at=at)

    assert send.status == NewsletterSend.Status.SCHEDULED
    assert services.send_due(now=timezone.now()) == (0, 0)
    assert smtp_server.messages == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due(now=at + dt.timedelta(minutes=1))[0] == 1
    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.DONE
    assert len(smtp_server.messages) == 1


def test_unpublished_newsletter_cannot_be_sent(archive):
    newsletter = NewsletterPageFactory(parent=archive, live=False)

    with pytest.raises(services.NotPublished):
        services.schedule_send(newsletter)


def test_newsletter_cannot_be_sent_twice_at_once(archive):
    newsletter = NewsletterPageFactory(parent=archive)
    services.schedule_send(newsletter, at=timezone.now() + dt.timedelta(days=1))

    with pytest.raises(services.AlreadySending):
        services.schedule_send(newsletter)


def test_blocks_pull_only_live_public_pages(archive, region_site):
    from cms.newsletters.rendering import render_newsletter

    NewsArticlePageFactory(parent=region_site.news, title="Gepubliceerd bericht")
    NewsArticlePageFactory(parent=region_site.news, title="Conceptbericht", live=False)
    EventPageFactory(parent=region_site.events, title="Komend leernetwerk")
    LessonKitPageFactory(parent=region_site.databank, title="Nieuwe leskist bruggen")

    rendered = render_newsletter(NewsletterPageFactory(parent=archive))

    for title in ("Gepubliceerd bericht", "Komend leernetwerk", "Nieuwe leskist bruggen"):
        assert title in rendered.html and title in rendered.text
    assert "Conceptbericht" not in rendered.html
    assert "http://localhost/" in rendered.html, "links in mail are absolute"


def test_new_in_the_databank_shows_the_shared_kits_in_every_regions_newsletter(region_site):
    from cms.newsletters.rendering import render_newsletter
    from tests.factories import RegionSite
    from tests.newsletters.factories import NewsletterArchivePageFactory

    LessonKitPageFactory(parent=region_site.databank, title="Bruggen bouwen van papier")
    other = RegionSite(hostname="goal.example", is_default=False)
    newsletter = NewsletterPageFactory(parent=NewsletterArchivePageFactory(parent=other.home))

    html = render_newsletter(newsletter).html

    assert "Bruggen bouwen van papier" in html
    assert f'href="{region_site.databank.get_children().first().get_full_url()}"' in html
