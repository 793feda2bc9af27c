"""Rate limits for the public subscribe form and API.

Every subscribe attempt sends a confirmation mail to an address the visitor chooses, so without
limits the form is a tool to mail-bomb someone (and to hurt our sender reputation). Two limits:

* per client address (:func:`allow`): ``NEWSLETTER_SUBSCRIBE_RATE_LIMIT = (attempts, seconds)``
  (default 10 per 10 minutes: a school behind one NAT address can still sign up a team; ``None``
  switches it off) with ``NEWSLETTER_CLIENT_IP_HEADER`` (default ``REMOTE_ADDR``). Refused with 429.
* per mailbox (:func:`allow_confirmation_mail`): ``NEWSLETTER_CONFIRMATIONS_PER_ADDRESS``
  (default 3 per hour; ``None`` switches it off), which holds against many client addresses too.
  Beyond it the visitor gets the usual "check your mailbox" answer and no mail is sent: a 429
  here would tell anyone which addresses were just submitted (and let them lock a person out on
  purpose), while the neutral answer reveals nothing and the inbox still gets at most a few mails.
  The person can use the link of a mail they already have.
"""

import hashlib

from django.conf import settings
from django.http import HttpRequest

from cms import ratelimit


def allow(request: HttpRequest, scope: str = "subscribe") -> bool:
    return ratelimit.allow(
        request,
        scope=f"newsletters:{scope}",
        limit=getattr(settings, "NEWSLETTER_SUBSCRIBE_RATE_LIMIT", (10, 600)),
        ip_header=getattr(settings, "NEWSLETTER_CLIENT_IP_HEADER", "REMOTE_ADDR"),
    )


def allow_confirmation_mail(email: str) -> bool:
    """Count one confirmation mail to ``email`` (normalised); False once the address had its share."""
    digest = hashlib.sha256(email.encode()).hexdigest()  # no addresses in cache keys
    limit = getattr(settings, "NEWSLETTER_CONFIRMATIONS_PER_ADDRESS", (3, 3600))
    return not ratelimit.hit(f"newsletters:confirmation-mail:{digest}", limit)
