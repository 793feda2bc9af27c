"""Signed tokens for the links in newsletter mail (uses of :mod:`cms.signed_links`).

Unsubscribe and preference links never expire (RFC 8058 expects them to keep working);
confirmation links do (``NEWSLETTER_CONFIRM_MAX_AGE``, default a week), and die once the
subscriber's ``confirm_token`` changes: on confirming (single use), on unsubscribing and on every
new subscription. Readers raise :class:`~cms.signed_links.InvalidLink` (or its subclass
``ExpiredLink``) for a bad token.
"""

from django.conf import settings

from cms.signed_links import InvalidLink, SignedLink


def confirm_max_age() -> int:
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 7 * 24 * 3600)


CONFIRM_LINK = SignedLink("newsletters.confirm", max_age=confirm_max_age)
UNSUBSCRIBE_LINK = SignedLink("newsletters.unsubscribe", timestamped=False)
PREFERENCES_LINK = SignedLink("newsletters.preferences", timestamped=False)


def _numbers(value: str, count: int) -> list[int]:
    try:
        numbers = [int(part) for part in value.split(".")]
    except ValueError:
        raise InvalidLink("malformed link") from None
    if len(numbers) != count:
        raise InvalidLink("malformed link")
    return numbers


def make_confirm_token(subscriber) -> str:
    return CONFIRM_LINK.make(f"{subscriber.pk}.{subscriber.confirm_token}")


def read_confirm_token(token: str) -> tuple[int, str]:
    subscriber_id, _, confirm_token = CONFIRM_LINK.read(token).partition(".")
    return _numbers(subscriber_id, 1)[0], confirm_token


def make_unsubscribe_token(subscriber_id: int, delivery_id: int | None = None) -> str:
    return UNSUBSCRIBE_LINK.make(f"{subscriber_id}.{delivery_id or 0}")


def read_unsubscribe_token(token: str) -> tuple[int, int | None]:
    subscriber_id, delivery_id = _numbers(UNSUBSCRIBE_LINK.read(token), 2)
    return subscriber_id, delivery_id or None


def make_preferences_token(subscriber_id: int) -> str:
    return PREFERENCES_LINK.make(str(subscriber_id))


def read_preferences_token(token: str) -> int:
    return _numbers(PREFERENCES_LINK.read(token), 1)[0]
