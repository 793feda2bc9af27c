"""What every participation row (booking, event registration, challenge team) carries: an abstract
model, so it adds no table of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .idempotency import new_idempotency_key


class Participation(models.Model):
    """Its idempotency key (a repeated submit finds the first row), when it was made and changed, and
    when its personal data was removed (AVG; each app's ``privacy`` module says when)."""

    idempotency_key = models.CharField(
        _("idempotency key"), max_length=64, unique=True, default=new_idempotency_key, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True
