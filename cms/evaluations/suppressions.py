"""Addresses that asked for no more evaluation mail (the link in every invitation)."""

import hashlib
import hmac

from django.conf import settings

from .models import OptOut


def email_hash(email: str) -> str:
    """A keyed hash of the address: we can recognise it without keeping it."""
    key = f"cms.evaluations.optout:{settings.SECRET_KEY}".encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def opted_out(email: str) -> bool:
    return OptOut.objects.filter(email_hash=email_hash(email)).exists()


def opt_out(email: str) -> None:
    OptOut.objects.get_or_create(email_hash=email_hash(email))
