"""One mail layout for every transactional mail: the region's logo, colours and footer around the
content, readable on a phone (one column, at most 600 pixels wide, tables for old mail clients).

A mail's ``.html`` template extends ``outbox/email/layout.html`` and its ``.txt`` template
``outbox/email/layout.txt``; both read ``brand`` (a :class:`MailBrand`). The layout keeps the
styles in one ``<style>`` block; :func:`inline_styles` copies them onto the elements, as mail
clients that drop ``<style>`` need (the site's Content-Security-Policy does not apply to mail).

The look comes from the ``outbox_mail_brand`` Wagtail hook: a function ``(site) -> dict | None``
that gives any of ``logo_url``, ``logo_width``, ``logo_height``, ``primary_colour``,
``footer_colour`` and ``footer_html``. ``cms.branding`` registers one; without it (or for a site
without a house style) mails get the neutral Sterk Techniekonderwijs look.
"""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import css_inline
from django.conf import settings
from django.utils.html import strip_tags
from wagtail import hooks
from wagtail.models import Site

HOOK = "outbox_mail_brand"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
NEUTRAL_PRIMARY = "#1d4f91"  # --color-primary in static_src/css/site.css
NEUTRAL_FOOTER = "#143a6d"  # --color-primary-dark
_RELATIVE_LINK = re.compile(r'(href|src)="(/[^/"][^"]*)"')
_LINK = re.compile(r'<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_INLINER = css_inline.CSSInliner(keep_style_tags=True)


@dataclass(frozen=True)
class MailBrand:
    """What the layout shows of a region: its name, site link, logo and colours."""

    name: str
    url: str = ""
    logo_url: str = ""
    logo_width: int | None = None
    logo_height: int | None = None
    primary_colour: str = NEUTRAL_PRIMARY
    footer_colour: str = NEUTRAL_FOOTER
    footer_html: str = ""

    @property
    def footer_text(self) -> str:
        """The footer as one line of plain text (the mail's text part); a link keeps its address."""
        return " ".join(html.unescape(strip_tags(_LINK.sub(_link_as_text, self.footer_html))).split())


def _link_as_text(match: re.Match) -> str:
    url, label = match[1], match[2]
    shown = url.removeprefix("mailto:")
    return label if shown == strip_tags(label).strip() else f"{label} ({shown})"


def neutral_brand(site: Site | None = None, base_url: str = "") -> MailBrand:
    name = (site.site_name if site is not None else "") or settings.WAGTAIL_SITE_NAME
    return MailBrand(name=name, url=base_url.rstrip("/"))


def brand_for(site: Site | None, base_url: str = "") -> MailBrand:
    """The look of mail about ``site`` (a region's site), with links under ``base_url`` (its root URL).

    Values a hook gives are checked here too: colours must be ``#rrggbb``, relative links become
    absolute under ``base_url`` (mail has no page to be relative to), a logo without one is left out.
    """
    brand = neutral_brand(site, base_url)
    if site is None:
        return brand
    for hook in hooks.get_hooks(HOOK):
        if fields := hook(site):
            return _apply(brand, fields)
    return brand


def _apply(brand: MailBrand, fields: dict) -> MailBrand:
    changes = {}
    for name in ("primary_colour", "footer_colour"):
        if HEX_COLOUR.match(fields.get(name) or ""):
            changes[name] = fields[name].lower()
    logo_url = _absolute(fields.get("logo_url") or "", brand.url)
    if logo_url.startswith(("https://", "http://")):
        changes.update(
            logo_url=logo_url, logo_width=fields.get("logo_width"), logo_height=fields.get("logo_height")
        )
    if footer_html := fields.get("footer_html"):
        changes["footer_html"] = absolute_links(footer_html, brand.url)
    return dataclasses.replace(brand, **changes)


def _absolute(url: str, base_url: str) -> str:
    if url.startswith("/") and not url.startswith("//") and base_url:
        return urljoin(base_url + "/", url)
    return url


def absolute_links(markup: str, base_url: str) -> str:
    """``href``/``src`` values that start with ``/`` prefixed with ``base_url``."""
    if not base_url:
        return markup
    return _RELATIVE_LINK.sub(lambda m: f'{m[1]}="{base_url.rstrip("/")}{m[2]}"', markup)


def inline_styles(html: str) -> str:
    """The layout's ``<style>`` rules copied onto the elements they match (the block stays for
    clients that read it, e.g. for the phone-width rules)."""
    if "<style" not in html:
        return html
    return _INLINER.inline(html)
