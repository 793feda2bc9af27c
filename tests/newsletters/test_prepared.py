"""Mails flattened once per batch: byte for byte what the email package builds, or built as usual."""

import re
import smtplib

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend
from django.db import connection

from cms.newsletters import services
from cms.newsletters.models import NewsletterSend
from cms.newsletters.prepared import BatchMail, list_unsubscribe_headers
from cms.newsletters.rendering import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER
from tests.newsletters.factories import NewsletterPageFactory, SubscriberFactory

TEXT = f"Nieuws over de Zonnecup.\n\nAfmelden: {UNSUBSCRIBE_PLACEHOLDER}\nVoorkeuren: {PREFERENCES_PLACEHOLDER}\n"
HTML = (
    "<p>Nieuws over de <b>Zonnecup</b> — één dag techniek.</p>\n"
    f'<p><a href="{UNSUBSCRIBE_PLACEHOLDER}">Afmelden</a> · <a href="{PREFERENCES_PLACEHOLDER}">Voorkeuren</a></p>\n'
)


def batch(html: str = HTML) -> BatchMail:
    return BatchMail(
        subject="Nieuwsbrief december",
        text=TEXT,
        html=html,
        from_email="STO Rijnmond <nieuws@sto.example>",
        base_url="https://techniek.example/",
    )


def without_boundaries(data: bytes) -> bytes:
    """Multipart boundaries are random per message; everything else must match."""
    for boundary in set(re.findall(rb'boundary="([^"]+)"', data)):
        data = data.replace(boundary, b"BOUNDARY")
    return data


def test_a_prepared_mail_is_what_the_email_package_builds_for_that_recipient():
    mails = batch()
    prepared = mails.message("juf.jansen@basisschool.nl", "unsub-token.42", "prefs-token:7")
    assert prepared.prepared, "a plain address and unencoded parts are sent from the batch's bytes"

    unsubscribe = "https://techniek.example/nieuwsbrief/afmelden/unsub-token.42/"
    preferences = "https://techniek.example/nieuwsbrief/voorkeuren/prefs-token:7/"
    ordinary = EmailMultiAlternatives(
        subject="Nieuwsbrief december",
        body=TEXT.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe).replace(PREFERENCES_PLACEHOLDER, preferences),
        from_email="STO Rijnmond <nieuws@sto.example>",
        to=["juf.jansen@basisschool.nl"],
        headers={
            **list_unsubscribe_headers(unsubscribe),
            "Precedence": "bulk",
            "Message-ID": prepared.extra_headers["Message-ID"],
            "Date": prepared.extra_headers["Date"],
        },
    )
    ordinary.attach_alternative(
        HTML.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe).replace(PREFERENCES_PLACEHOLDER, preferences),
        "text/html",
    )

    assert without_boundaries(prepared.message().as_bytes(linesep="\r\n")) == without_boundaries(
        ordinary.message().as_bytes(linesep="\r\n")
    )
    assert prepared.body == ordinary.body and prepared.alternatives == ordinary.alternatives


def test_every_recipient_gets_their_own_message_id_and_links():
    mails = batch()
    first = mails.message("a@school.nl", "token-a", "prefs-a").message().as_bytes()
    second = mails.message("b@school.nl", "token-b", "prefs-b").message().as_bytes()

    assert b"token-a" in first and b"token-b" not in first and b"To: a@school.nl" in first
    assert b"token-b" in second and b"To: b@school.nl" in second
    message_ids = [re.search(rb"Message-ID: (<[^>]+>)", data).group(1) for data in (first, second)]
    assert message_ids[0] != message_ids[1]


@pytest.mark.parametrize("address", ["juf@bäckerei.nl", '"juf jansen"@school.nl'])
def test_an_address_that_needs_encoding_or_quoting_is_built_the_ordinary_way(address):
    message = batch().message(address, "token", "prefs")

    assert not message.prepared
    assert message.message()["To"], "the email package writes the address as it must be"


def test_a_part_with_lines_too_long_to_send_unencoded_is_built_the_ordinary_way():
    # One line of more than 998 characters: Django sends that part quoted-printable.
    mails = batch(html=HTML + "<p>" + "techniek " * 150 + "</p>")

    assert mails.flattened is None
    message = mails.message("juf@school.nl", "token", "prefs")
    assert not message.prepared
    assert b"quoted-printable" in message.message().as_bytes()


class LockWatchingSMTP(smtplib.SMTP):
    """A real SMTP client that notes whether a database transaction is open as each mail goes out."""

    in_transaction: list[bool] = []

    def send(self, s):
        if isinstance(s, bytes) and s.endswith(b"\r\n.\r\n"):
            LockWatchingSMTP.in_transaction.append(connection.in_atomic_block)
        super().send(s)


class LockWatchingBackend(EmailBackend):
    connection_class = LockWatchingSMTP


@pytest.mark.django_db(transaction=True)
def test_no_database_transaction_is_open_while_a_mail_goes_out(archive, smtp_server, settings):
    """SQLite's write lock (bookings, edits) and PostgreSQL's row locks are free during SMTP."""
    SubscriberFactory.create_batch(3)
    settings.EMAIL_BACKEND = "tests.newsletters.test_prepared.LockWatchingBackend"
    LockWatchingSMTP.in_transaction = []
    send = services.schedule_send(NewsletterPageFactory(parent=archive))
    services.start_send(send.pk)

    services.send_batch(send.pk, list(send.deliveries.values_list("pk", flat=True)))

    assert len(smtp_server.messages) == 3
    assert LockWatchingSMTP.in_transaction == [False] * 3
    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.DONE
