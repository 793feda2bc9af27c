"""Idempotency keys: a public form or API request carries one, so a repeated submit books once.

The key of a booking, registration or team is stored unique on its row; the services return the
first row for a repeated key. Every app's rows and forms take their keys from here.
"""

import uuid


def new_idempotency_key() -> str:
    """A fresh key: 32 hex characters (matches :data:`cms.participation.validators.key_validator`)."""
    return uuid.uuid4().hex
