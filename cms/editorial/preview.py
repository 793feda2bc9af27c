"""Signed, expiring preview tokens for headless front ends.

Wagtail's own preview covers the server-rendered templates. A headless front end instead gets
a token from an editor (admin URL below) and fetches ``/api/v3/preview/?token=...``: the latest
revision of the page, signed with the page and revision id, valid for
``EDITORIAL_PREVIEW_TOKEN_MAX_AGE`` seconds (default one hour).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision
from wagtail.models.pages import COMMENTS_RELATION_NAME

from cms.errors import DomainError
from cms.signed_links import InvalidLink, SignedLink

SALT = "cms.editorial.preview"

#: Revision fields for editors only: internal comments (text and user ids; "comments" is the name
#: older revisions used) and who owns or locks the page. A preview shows content, not the admin.
INTERNAL_FIELDS = frozenset({COMMENTS_RELATION_NAME, "comments", "owner", "locked", "locked_at", "locked_by"})


class PreviewTokenError(DomainError):
    """The token is invalid, tampered with or expired (the reason stays internal: the cause)."""

    status = 403
    code = "invalid_token"
    default_message = _("This preview link is invalid or has expired.")


def front_end_preview_url(token: str) -> str | None:
    """Where the headless front end shows a preview (``HEADLESS_PREVIEW_URL`` with ``{token}``), if set."""
    template = getattr(settings, "HEADLESS_PREVIEW_URL", "")
    return template.replace("{token}", token) if template else None


def max_age() -> int:
    return getattr(settings, "EDITORIAL_PREVIEW_TOKEN_MAX_AGE", 60 * 60)


PREVIEW_LINK = SignedLink(SALT, max_age=max_age)


def make_preview_token(page: Page) -> str:
    """A token for the page's latest revision."""
    revision = page.get_latest_revision()
    if revision is None:
        revision = page.save_revision()
    return PREVIEW_LINK.make(f"{page.pk}:{revision.pk}")


def resolve_preview_token(token: str) -> Revision:
    """The page revision a token grants access to."""
    try:
        value = PREVIEW_LINK.read(token)
        page_id, revision_id = (int(part) for part in value.split(":"))
    except (InvalidLink, ValueError) as error:
        raise PreviewTokenError() from error
    revision = Revision.page_revisions.filter(pk=revision_id, object_id=str(page_id)).first()
    if revision is None:
        raise PreviewTokenError()
    return revision


def preview_content(revision: Revision) -> dict:
    """The revision's content as a headless front end may see it: without the internal fields."""
    return {key: value for key, value in revision.content.items() if key not in INTERNAL_FIELDS}
