"""Idempotency keys: a public form or API request carries one, so a repeated submit books once.

The key of a booking, registration or team is stored unique on its row; the services return the
first row for a repeated key. Every app's rows, forms and API requests take their keys from here.
"""

import uuid
from collections.abc import Mapping

from django.http import HttpRequest

#: The header an API client may send its key in (the body's ``idempotency_key`` is the other way).
HEADER = "Idempotency-Key"


def new_idempotency_key() -> str:
    """A fresh key: 32 hex characters (matches :data:`cms.participation.validators.key_validator`)."""
    return uuid.uuid4().hex


def key_for_request(request: HttpRequest, data: Mapping) -> str:
    """An API request's key: the ``Idempotency-Key`` header, else the body's ``idempotency_key``, else a
    new one, so a client that retries with the same key gets the first result."""
    return request.headers.get(HEADER) or data.get("idempotency_key") or new_idempotency_key()
