"""Signed tokens for the links in newsletter mail.

Tokens carry ids, not secrets; the signature (SECRET_KEY + a salt per purpose) is what makes them
unguessable. Unsubscribe and preference links never expire (RFC 8058 expects them to keep
working); confirmation links do, and die once the subscriber's confirm_token changes: on
confirming (single use), on unsubscribing and on every new subscription.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletters.confirm"
UNSUBSCRIBE_SALT = "newsletters.unsubscribe"
PREFERENCES_SALT = "newsletters.preferences"


def confirm_max_age() -> int:
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 7 * 24 * 3600)


def make_confirm_token(subscriber) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{subscriber.pk}.{subscriber.confirm_token}")


def read_confirm_token(token: str) -> tuple[int, str]:
    value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=confirm_max_age())
    subscriber_id, confirm_token = value.split(".", 1)
    return int(subscriber_id), confirm_token


def make_unsubscribe_token(subscriber_id: int, delivery_id: int | None = None) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{subscriber_id}.{delivery_id or 0}")


def read_unsubscribe_token(token: str) -> tuple[int, int | None]:
    subscriber_id, delivery_id = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token).split(".", 1)
    return int(subscriber_id), int(delivery_id) or None


def make_preferences_token(subscriber_id: int) -> str:
    return signing.Signer(salt=PREFERENCES_SALT).sign(str(subscriber_id))


def read_preferences_token(token: str) -> int:
    return int(signing.Signer(salt=PREFERENCES_SALT).unsign(token))
