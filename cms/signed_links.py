"""Signed tokens for the links we mail or hand out: one helper, one salt per use, an optional max-age.

A token carries ids, not secrets; the signature (``SECRET_KEY`` + the use's salt) makes it
unguessable and useless for any other use. Each app declares its uses next to the code that
makes and reads them (``cms.bookings.tokens``, ``cms.events.tokens``, ``cms.newsletters.tokens``),
so its mails and its services import the tokens, never each other.

The formats are Django's own (``signing.dumps`` for objects, ``Signer``/``TimestampSigner`` for
text), so links in mails sent before a change of code keep working.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core import signing


class InvalidLink(signing.BadSignature):
    """The token is forged, damaged, expired or was made for another use."""


class ExpiredLink(InvalidLink):
    """The token was genuine but is older than its use's ``max_age``."""


@dataclass(frozen=True)
class SignedLink:
    """One use of signed tokens.

    ``max_age`` (seconds, or a callable returning them, e.g. to read a setting) makes tokens
    expire; ``None`` means never. ``timestamped=False`` makes shorter tokens that can never
    expire (unsubscribe links: RFC 8058 expects them to keep working).
    """

    salt: str
    max_age: int | Callable[[], int | None] | None = None
    timestamped: bool = True

    def __post_init__(self) -> None:
        if self.max_age is not None and not self.timestamped:
            raise ValueError("a token without a timestamp cannot expire")

    def _signer(self) -> signing.Signer:
        return signing.TimestampSigner(salt=self.salt) if self.timestamped else signing.Signer(salt=self.salt)

    def _unsign(self, unsign: Callable[..., Any], token: str) -> Any:
        max_age = self.max_age() if callable(self.max_age) else self.max_age
        try:
            return unsign(token, max_age=max_age) if self.timestamped else unsign(token)
        except signing.SignatureExpired as error:
            raise ExpiredLink(str(error)) from None
        except (signing.BadSignature, ValueError, TypeError) as error:  # ValueError: damaged payload
            raise InvalidLink(str(error)) from None

    def make(self, value: str) -> str:
        """A token for a text value."""
        return self._signer().sign(value)

    def read(self, token: str) -> str:
        """The text value of a token; raises :class:`InvalidLink` or :class:`ExpiredLink`."""
        return self._unsign(self._signer().unsign, token)

    def make_object(self, value: Any) -> str:
        """A token for a JSON-serialisable value (``signing.dumps`` when timestamped)."""
        return self._signer().sign_object(value)

    def read_object(self, token: str) -> Any:
        """The value of a :meth:`make_object` token; raises :class:`InvalidLink` or :class:`ExpiredLink`."""
        return self._unsign(self._signer().unsign_object, token)


@dataclass(frozen=True)
class RowLink:
    """A link to one row (a booking, a registration), bound to it by its idempotency key.

    The token names the row's primary key and the first characters of its (random, never shown)
    idempotency key: a token for a deleted row can never open a new row that got the same id.
    ``id_name`` is the payload's name for the id (kept per use so earlier links stay valid).
    """

    link: SignedLink
    id_name: str
    key_length: int = 12

    def make(self, pk: int, idempotency_key: str) -> str:
        return self.link.make_object({self.id_name: pk, "k": idempotency_key[: self.key_length]})

    def read(self, token: str) -> tuple[int, str]:
        """``(pk, idempotency key prefix)``; look the row up with ``idempotency_key__startswith``."""
        data = self.link.read_object(token)
        try:
            return int(data[self.id_name]), str(data["k"])
        except (KeyError, TypeError, ValueError):
            raise InvalidLink("malformed link") from None
