"""The per-mailbox limit on confirmation mails (scope ``newsletters.confirmation_mails``).

Every subscribe attempt sends a confirmation mail to an address the visitor chooses, so without
limits the form is a tool to mail-bomb someone (and to hurt our sender reputation). Attempts are
limited per client address (scope ``newsletters.subscribe``, see :mod:`cms.ratelimit`); this
limit per mailbox holds against many client addresses too. Beyond it the visitor gets the usual
"check your mailbox" answer and no mail is sent: a 429 here would tell anyone which addresses were
just submitted (and let them lock a person out on purpose), while the neutral answer reveals
nothing and the inbox still gets at most a few mails. The person can use the link of a mail they
already have.
"""

import hashlib

from cms import ratelimit

SCOPE = "newsletters.confirmation_mails"


def allow_confirmation_mail(email: str) -> bool:
    """Count one confirmation mail to ``email`` (normalised); False once the address had its share."""
    digest = hashlib.sha256(email.encode()).hexdigest()  # no addresses in cache keys
    return not ratelimit.hit(SCOPE, digest)
