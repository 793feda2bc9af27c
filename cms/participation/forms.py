"""The plumbing every public participation form shares: honeypot, idempotency key, domain errors.

:class:`ParticipationForm` is the base of the booking, event registration and challenge team forms
(and the API, which validates through the same forms). The honeypot itself is
:class:`~cms.snippets.forms.HoneypotForm`, shared with the newsletter and contribution forms.
"""

from django import forms

from cms.snippets.forms import HoneypotForm

from .idempotency import new_idempotency_key
from .validators import key_validator


class DomainErrorsMixin:
    """Shows a service's error (``message``, ``field``, ``code``) on its field, else on the whole form."""

    def add_domain_error(self, error: Exception) -> None:
        field = getattr(error, "field", None)
        message = getattr(error, "message", str(error))
        self.add_error(
            field if field in self.fields else None,
            forms.ValidationError(message, code=getattr(error, "code", "invalid")),
        )


class ParticipationForm(DomainErrorsMixin, HoneypotForm):
    """Honeypot plus a hidden idempotency key (fresh per rendered form), so a double submit books once."""

    idempotency_key = forms.CharField(widget=forms.HiddenInput, validators=[key_validator])

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("idempotency_key", new_idempotency_key())
        super().__init__(*args, **kwargs)
        for name in ("idempotency_key", "website"):  # the plumbing goes last
            self.fields[name] = self.fields.pop(name)
