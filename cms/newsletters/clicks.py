"""Privacy-friendly click counting in sent newsletters (``NEWSLETTER_COUNT_CLICKS``, off by default).

When on, every web link in a send's HTML points to a counting URL of our own that redirects to the
target. The counting URL is the same for every recipient, so a click is counted per link and never
tied to a person: no personal data, no consent needed. Opens are not counted (that needs a tracking
pixel per person, and mail programs block images anyway). Links in the plain-text part stay direct.
"""

import html
import re

from django.conf import settings
from django.db.models import F
from django.urls import reverse

from cms.signed_links import InvalidLink, SignedLink

from .models import NewsletterLink, NewsletterSend

CLICK_LINK = SignedLink("cms.newsletters.click")
HREF_RE = re.compile(r'href="(https?://[^"]+)"')


def enabled() -> bool:
    return bool(getattr(settings, "NEWSLETTER_COUNT_CLICKS", False))


def counting_url(send: NewsletterSend, link: NewsletterLink) -> str:
    token = CLICK_LINK.make_object(link.pk)
    return send.base_url.rstrip("/") + reverse("newsletters:click", args=[token])


def count_clicks_in(send: NewsletterSend, body_html: str) -> str:
    """``body_html`` with each web link replaced by its counting URL (one ``NewsletterLink`` per address)."""

    def replace(match: re.Match) -> str:
        link, _ = NewsletterLink.objects.get_or_create(send=send, url=html.unescape(match.group(1)))
        return f'href="{html.escape(counting_url(send, link))}"'

    return HREF_RE.sub(replace, body_html)


def follow(token: str) -> str | None:
    """Count one click on the link behind ``token`` and return its address (``None``: not a valid token)."""
    try:
        link_id = CLICK_LINK.read_object(token)
    except InvalidLink:
        return None
    link = NewsletterLink.objects.filter(pk=link_id).first()
    if link is None:
        return None
    NewsletterLink.objects.filter(pk=link.pk).update(clicks=F("clicks") + 1)
    return link.url
