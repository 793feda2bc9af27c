"""Render a newsletter page to email-safe HTML (inline styles, table layout) and plain text, in the
mail layout of the outbox with the region's house style (``brand_for``).

The content is rendered once per send; the per-recipient links are placeholders that
:func:`personalise` swaps in, so sending 10,000 mails costs 10,000 string replacements,
not 10,000 template renders.
"""

import html
import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags

from cms.i18n import page_language
from cms.outbox.layout import brand_for, inline_styles
from cms.pages.models import EventPage, LessonKitPage, NewsArticlePage
from cms.pages.services import site_root_url

UNSUBSCRIBE_PLACEHOLDER = "__NEWSLETTER_UNSUBSCRIBE_URL__"
PREFERENCES_PLACEHOLDER = "__NEWSLETTER_PREFERENCES_URL__"


@dataclass(frozen=True)
class RenderedNewsletter:
    subject: str
    content_html: str
    html: str
    text: str
    base_url: str


def absolute(url: str, base_url: str) -> str:
    if url.startswith("/") and not url.startswith("//"):
        return base_url + url
    return url


def _absolute_links(markup: str, base_url: str) -> str:
    return re.sub(r'(href|src)="(/[^/"][^"]*)"', lambda m: f'{m[1]}="{base_url}{m[2]}"', markup)


def html_to_text(markup: str) -> str:
    """Rich text to readable plain text: links become ``text (url)``, paragraphs blank lines."""
    markup = re.sub(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 (\1)", markup, flags=re.S)
    markup = re.sub(r"<li[^>]*>", "- ", markup)
    markup = re.sub(r"</(p|h\d|li|ul|ol)>", "\n", markup)
    markup = re.sub(r"<br\s*/?>", "\n", markup)
    text = html.unescape(strip_tags(markup))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()


def _page_item(page, base_url: str, summary: str, date_label: str = "") -> dict:
    return {
        "title": page.title,
        "url": absolute(page.get_url() or "", base_url),
        "summary": summary,
        "date": date_label,
    }


def _list_items(block_type: str, count: int, root, base_url: str) -> list[dict]:

    def scoped(queryset):
        queryset = queryset.live().public()
        return queryset.descendant_of(root) if root is not None else queryset

    if block_type == "latest_news":
        articles = scoped(NewsArticlePage.objects.all()).order_by("-date", "-pk")[:count]
        return [_page_item(a, base_url, a.intro, date_format(a.date)) for a in articles]
    if block_type == "upcoming_events":
        events = scoped(EventPage.objects.all()).filter(end__gte=timezone.now()).order_by("start")[:count]
        return [
            _page_item(e, base_url, e.intro, date_format(timezone.localtime(e.start), "j F Y H:i"))
            for e in events
        ]
    if block_type == "new_in_databank":
        # The databank is shared by every region (it lives under one site): never scoped to this site.
        kits = LessonKitPage.objects.live().public().order_by("-first_published_at", "-pk")[:count]
        return [{**_page_item(k, base_url, k.summary), "url": k.get_full_url() or ""} for k in kits]
    return []


def _block_context(block, root, base_url: str) -> dict:
    value = block.value
    context = {"type": block.block_type, "value": value}
    if block.block_type in ("latest_news", "upcoming_events", "new_in_databank"):
        context["items"] = _list_items(block.block_type, value["count"], root, base_url)
    elif block.block_type == "image":
        rendition = value["image"].get_rendition("width-600")
        context["image_url"] = absolute(rendition.url, base_url)
        context["image_width"] = min(rendition.width, 600)
    elif block.block_type == "call_to_action":
        target = value["page"].specific if value["page"] else None
        context["url"] = absolute(target.get_url() or "", base_url) if target else value["url"]
    elif block.block_type == "text":
        markup = _absolute_links(str(value), base_url)
        context["html"] = markup
        context["text"] = html_to_text(markup)
    return context


def render_newsletter(page, *, request=None, web: bool = False) -> RenderedNewsletter:
    """Render ``page`` (a NewsletterPage, possibly an unsaved draft) for mail and web, in the language
    of its content: an editor's admin language or a worker's default must not leak into the mail."""
    with translation.override(page_language(page)):
        return _render_newsletter(page, request=request, web=web)


def _render_newsletter(page, *, request=None, web: bool = False) -> RenderedNewsletter:
    base_url = site_root_url(page)
    site = page.get_site()
    root = site.root_page if site is not None else None
    blocks = [_block_context(block, root, base_url) for block in page.body]
    context = {
        "page": page,
        "subject": page.subject,
        "brand": brand_for(site, base_url),
        "blocks": blocks,
        "base_url": base_url,
        "site_name": site.site_name if site and site.site_name else settings.WAGTAIL_SITE_NAME,
        "web_url": absolute(page.get_url() or "", base_url) if page.live else "",
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        "preferences_url": PREFERENCES_PLACEHOLDER,
    }
    content_html = render_to_string("newsletters/email/content.html", context)
    if web:
        # The web version shows the content only; the mail wrapper is not needed.
        return RenderedNewsletter(page.subject, content_html, "", "", base_url)
    context["content_html"] = content_html
    return RenderedNewsletter(
        subject=page.subject,
        content_html=content_html,
        html=inline_styles(render_to_string("newsletters/email/newsletter.html", context)),
        text=render_to_string("newsletters/email/newsletter.txt", context),
        base_url=base_url,
    )


def personalise(body: str, *, unsubscribe_url: str, preferences_url: str) -> str:
    return body.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url).replace(
        PREFERENCES_PLACEHOLDER, preferences_url
    )
