"""One SMTP transaction per mail, with the sender's own work done while the server answers.

An SMTP transaction is four round trips (``MAIL FROM``, ``RCPT TO``, ``DATA``, the message and its
final dot); the mail counts as accepted only at the "250" after the final dot. Sent one after the
other, a newsletter's bookkeeping (marking the previous mail sent, making the next one) would wait
for the server and the server for it. :class:`MailExchange` does that work in the server's time:

* ``before_commit`` runs after ``MAIL FROM`` is written and before its answer is read: the sender
  marks the mail the server accepted last. It has always finished before this mail's final dot
  goes out, so at most one accepted mail is ever waiting for its mark, as when marking right
  after each "250" (a crash exactly then can repeat that one mail: SMTP has no idempotency key).
* ``meanwhile`` runs after the final dot is written and before the "250" is read: the sender makes
  the next mail.

The exchange mirrors :meth:`smtplib.SMTP.sendmail` (same commands, options and exceptions, a
``RSET`` after a refusal) for one recipient and a message already flattened to bytes. Mails that
are not (an address that needs encoding) or a backend that is not SMTP (``locmem`` in tests, the
console) go through the backend's ``send_messages`` with the same two steps around it.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

from .prepared import PreparedMessage

Step = Callable[[], None]
T = TypeVar("T")
_EMPTY = object()
LINE_STARTING_WITH_DOT = re.compile(rb"(?m)^\.")  # doubled on the wire (RFC 5321 4.5.2)


class MailExchange:
    """Sends a batch's mails over one open connection of a Django mail backend."""

    def __init__(self, backend, *, envelope_sender: str):
        self.backend = backend
        self.envelope_sender = envelope_sender

    @property
    def smtp(self) -> smtplib.SMTP | None:
        """The open SMTP connection, when the backend is Django's SMTP backend."""
        return self.backend.connection if isinstance(self.backend, SMTPBackend) else None

    def send(self, message: PreparedMessage, *, before_commit: Step, meanwhile: Step) -> None:
        """Send ``message``; raises what :meth:`smtplib.SMTP.sendmail` raises."""
        smtp = self.smtp
        if smtp is None or not message.prepared:
            before_commit()
            self.backend.send_messages([message])
            meanwhile()
            return
        (recipient,) = message.to
        data = message.prepared
        smtp.ehlo_or_helo_if_needed()
        options = f" size={len(data)}" if smtp.does_esmtp and smtp.has_extn("size") else ""
        smtp.putcmd("mail", f"FROM:{smtplib.quoteaddr(self.envelope_sender)}{options}")
        try:
            before_commit()
        except BaseException:  # keep the conversation in step for the next mail: answer read, reset
            smtp.getreply()
            self._refused(smtp, 0)
            raise
        code, reply = smtp.getreply()
        if code != 250:
            self._refused(smtp, code)
            raise smtplib.SMTPSenderRefused(code, reply, self.envelope_sender)
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            self._refused(smtp, code)
            raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
        code, reply = smtp.docmd("data")
        if code != 354:
            self._refused(smtp, code)
            raise smtplib.SMTPDataError(code, reply)
        quoted = LINE_STARTING_WITH_DOT.sub(b"..", data)  # as smtplib.SMTP.data does
        smtp.send(quoted + (b"" if quoted.endswith(b"\r\n") else b"\r\n") + b".\r\n")
        meanwhile()
        code, reply = smtp.getreply()
        if code != 250:
            self._refused(smtp, code)
            raise smtplib.SMTPDataError(code, reply)

    @staticmethod
    def _refused(smtp: smtplib.SMTP, code: int) -> None:
        """What sendmail does after a refusal: 421 means the server is closing, else reset."""
        if code == 421:
            smtp.close()
            return
        with contextlib.suppress(smtplib.SMTPServerDisconnected):
            smtp.rset()


class Lookahead(Generic[T]):
    """Iterates ``items``, making the next one early when :meth:`fill` is called.

    :meth:`fill` runs while a mail is on the wire, so it never raises: an error making the next
    item is raised when that item is taken, after the mail on the wire has been dealt with.
    """

    def __init__(self, items: Iterable[T]):
        self._items = iter(items)
        self._next: object = _EMPTY
        self._error: Exception | None = None

    def fill(self) -> None:
        if self._next is _EMPTY and self._error is None:
            try:
                self._next = next(self._items, StopIteration)
            except Exception as error:
                self._error = error

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        self.fill()
        if self._error is not None:
            raise self._error
        item, self._next = self._next, _EMPTY
        if item is StopIteration:
            raise StopIteration
        return item  # type: ignore[return-value]
