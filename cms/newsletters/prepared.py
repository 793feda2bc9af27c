"""A batch's mails flattened once: each recipient's mail is the same bytes with five values swapped.

Python's email package spends about a millisecond building and flattening one newsletter (headers,
multipart, encodings), more than the mail server takes to accept it. The mails of one send differ
only in the recipient, the two signed links, the Message-ID and the Date, so a batch flattens one
message with markers in those places (:class:`BatchMail`) and each mail is those bytes with the
markers replaced (:class:`PreparedMessage`).

That is used only where the replacement gives exactly what the email package would have given:
every part is sent unencoded (7bit/8bit; quoted-printable or base64 could split a marker or wrap
elsewhere), each marker appears exactly as often as it was put in, lines stay far below SMTP's
limit, and the address is a plain ASCII one that needs no quoting. Otherwise the mail is built
the ordinary way.
"""

from __future__ import annotations

import re
import uuid
from email.utils import formatdate

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import DNS_NAME, sanitize_address
from django.urls import reverse

from .rendering import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER, personalise

LINK_SLOT = "LINKSLOT"
UNSUBSCRIBE_MARK = "z9unsubscribetoken9z"
PREFERENCES_MARK = "z9preferencestoken9z"
RECIPIENT_MARK = "z9recipient9z@newsletter.invalid"
MESSAGE_ID_MARK = "<z9messageid9z@newsletter.invalid>"
DATE_MARK = "z9date9z"

#: Addresses the email package writes as they are (no quoting, no IDNA, no encoded words).
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")
#: Longest line a flattened batch may have: the values put in are at most this much longer.
LINE_LIMIT = 998 - 300
UNENCODED = {None, "7bit", "8bit"}


def link_templates(base_url: str) -> tuple[str, str]:
    """The unsubscribe and preferences URLs with ``LINKSLOT`` where the signed token goes.

    A token's characters (URL-safe base64, ``:``, ``.``) need no quoting, so filling the slot
    gives what ``reverse`` would; resolved once per batch (``reverse`` per mail was ~8% of it).
    """
    base = base_url.rstrip("/")
    return (
        base + reverse("newsletters:unsubscribe", args=[LINK_SLOT]),
        base + reverse("newsletters:preferences", args=[LINK_SLOT]),
    )


def _fill(template: str, token: str) -> str:
    head, _slot, tail = template.rpartition(LINK_SLOT)  # the last one: the path, never the host
    return head + token + tail


def list_unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    """RFC 2369 + RFC 8058 one-click unsubscribe headers."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


class PreparedMIME:
    """What ``EmailMessage.message()`` returns, as far as Django's mail backends use it."""

    def __init__(self, data: bytes):
        self.data = data  # "\r\n" line ends, as the SMTP backend sends it

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        return self.data if linesep == "\r\n" else self.data.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8")


class PreparedMessage(EmailMultiAlternatives):
    """An ordinary message (``to``, ``body``, ``alternatives`` as usual) whose MIME form is given."""

    prepared: bytes = b""

    def message(self):
        return PreparedMIME(self.prepared) if self.prepared else super().message()


class BatchMail:
    """The mails of one batch of a send: subject, bodies, sender and link addresses are fixed."""

    def __init__(self, *, subject: str, text: str, html: str, from_email: str, base_url: str):
        self.subject, self.text, self.html, self.from_email = subject, text, html, from_email
        self.envelope_sender = sanitize_address(from_email, settings.DEFAULT_CHARSET)  # as the backend
        self.unsubscribe_template, self.preferences_template = link_templates(base_url)
        self.flattened = self._flatten()

    def _build(self, to: str, unsubscribe_token: str, preferences_token: str, **headers) -> PreparedMessage:
        unsubscribe_url = _fill(self.unsubscribe_template, unsubscribe_token)
        links = {
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": _fill(self.preferences_template, preferences_token),
        }
        message = PreparedMessage(
            subject=self.subject,
            body=personalise(self.text, **links),
            from_email=self.from_email,
            to=[to],
            headers={**list_unsubscribe_headers(unsubscribe_url), "Precedence": "bulk", **headers},
        )
        message.attach_alternative(personalise(self.html, **links), "text/html")
        return message

    def _flatten(self) -> bytes | None:
        """The batch's bytes with markers, or ``None`` when replacing them would not be exact."""
        mime = self._build(
            RECIPIENT_MARK,
            UNSUBSCRIBE_MARK,
            PREFERENCES_MARK,
            **{"Message-ID": MESSAGE_ID_MARK, "Date": DATE_MARK},
        ).message()
        if any(part.get("Content-Transfer-Encoding") not in UNENCODED for part in mime.walk()):
            return None
        data = mime.as_bytes(linesep="\r\n")
        links_in = self.text + self.html
        expected = {
            UNSUBSCRIBE_MARK: 1 + links_in.count(UNSUBSCRIBE_PLACEHOLDER),  # and the List-Unsubscribe header
            PREFERENCES_MARK: links_in.count(PREFERENCES_PLACEHOLDER),
            RECIPIENT_MARK: 1,
            MESSAGE_ID_MARK: 1,
            DATE_MARK: 1,
        }
        if any(data.count(marker.encode()) != count for marker, count in expected.items()):
            return None
        if max(len(line) for line in data.split(b"\r\n")) > LINE_LIMIT:
            return None
        return data

    def message(self, to: str, unsubscribe_token: str, preferences_token: str) -> EmailMultiAlternatives:
        """One recipient's mail, from the batch's bytes when that is exact."""
        if self.flattened is None or not PLAIN_ADDRESS.fullmatch(to):
            return self._build(to, unsubscribe_token, preferences_token)
        message_id = f"<{uuid.uuid4().hex}@{DNS_NAME}>"
        date = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
        message = self._build(
            to, unsubscribe_token, preferences_token, **{"Message-ID": message_id, "Date": date}
        )
        message.prepared = (
            self.flattened.replace(UNSUBSCRIBE_MARK.encode(), unsubscribe_token.encode())
            .replace(PREFERENCES_MARK.encode(), preferences_token.encode())
            .replace(RECIPIENT_MARK.encode(), to.encode())
            .replace(MESSAGE_ID_MARK.encode(), message_id.encode())
            .replace(DATE_MARK.encode(), date.encode())
        )
        return message
