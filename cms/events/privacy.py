"""AVG/GDPR: remove personal data from registrations of events and challenges long past.

Like bookings (``cms.bookings.privacy``): the rows stay, so participation figures keep counting,
but names and addresses go, and ``anonymised_at`` records when. ``EVENTS_ANONYMISE_AFTER_DAYS`` (default 730) after the event ended or
the challenge's registration closed.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from .models import ChallengeTeam, EventRegistration
from .signals import registrations_anonymised

DEFAULT_ANONYMISE_AFTER_DAYS = 730
#: Anonymised addresses stay unique per row (an event allows one registration per address).
ANONYMOUS_DOMAIN = "@anoniem.invalid"


def _anonymous_email():
    return Concat(Value("deelnemer-"), Cast("pk", CharField()), Value(ANONYMOUS_DOMAIN))


def anonymise_participants(*, older_than_days: int | None = None, now: dt.datetime | None = None) -> int:
    """Blank the personal data of old registrations and teams; idempotent. Returns how many rows changed.

    Apps that keep personal data of registrations (certificates) hear ``registrations_anonymised``
    in the same transaction, so both go together or neither does."""
    if older_than_days is None:
        older_than_days = getattr(settings, "EVENTS_ANONYMISE_AFTER_DAYS", DEFAULT_ANONYMISE_AFTER_DAYS)
    cutoff = (now or timezone.now()) - dt.timedelta(days=older_than_days)
    registrations = EventRegistration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True)
    teams = ChallengeTeam.objects.filter(
        challenge__registration_deadline__lt=cutoff, anonymised_at__isnull=True
    )
    stamp = timezone.now()
    with transaction.atomic():
        changed = registrations.update(
            name="", organisation="", email=_anonymous_email(), anonymised_at=stamp
        )
        registrations_anonymised.send(sender=EventRegistration)
        return changed + teams.update(teacher_name="", teacher_email=_anonymous_email(), anonymised_at=stamp)
