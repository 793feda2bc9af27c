"""A region's house style for mail: what the outbox's mail layout shows (``outbox_mail_brand`` hook).

Returned as plain values, so neither app imports the other; the outbox checks them again.
"""

from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from .models import RegionBranding

#: Twice the shown height, for sharp logos on high-density screens; PNG, which every mail client shows.
LOGO_RENDITION = "height-96|format-png"
LOGO_HEIGHT = 48


def mail_brand(site: Site) -> dict | None:
    """The logo (URL and size as shown), colours and footer of ``site``; ``None`` without a house style."""
    branding = RegionBranding.objects.filter(site=site).select_related("logo").first()
    if branding is None:
        return None
    tokens = branding.design_tokens()
    fields = {
        "primary_colour": tokens.get("--color-primary", ""),
        "footer_colour": tokens.get("--color-footer-bg", ""),
        "footer_html": expand_db_html(branding.footer_text) if branding.footer_text else "",
    }
    if branding.logo is not None:
        rendition = branding.logo.get_rendition(LOGO_RENDITION)
        scale = LOGO_HEIGHT / rendition.height if rendition.height > LOGO_HEIGHT else 1
        fields.update(
            logo_url=rendition.url,
            logo_width=round(rendition.width * scale),
            logo_height=round(rendition.height * scale),
        )
    return fields
