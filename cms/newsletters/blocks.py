"""StreamField blocks for newsletters.

Blocks carry no web template of their own: :mod:`cms.newsletters.rendering` renders each one
with an email-safe HTML template (inline styles, tables) and a plain-text template.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

NEWSLETTER_RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class IntroBlock(blocks.TextBlock):
    class Meta:
        icon = "openquote"
        label = _("Introduction")


class NewsletterImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(label=_("alternative text"), max_length=250)
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    link = blocks.URLBlock(label=_("link"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")


class NewsletterCallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external link"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")


class PageListBlock(blocks.StructBlock):
    """A list filled in at send time with the newest live, public pages of one kind."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("number of items"), min_value=1, max_value=10, default=3)


class LatestNewsBlock(PageListBlock):
    class Meta:
        icon = "doc-full"
        label = _("Latest news")


class UpcomingEventsBlock(PageListBlock):
    class Meta:
        icon = "date"
        label = _("Upcoming events")


class NewInDatabankBlock(PageListBlock):
    class Meta:
        icon = "folder-open-inverse"
        label = _("New in the databank")


class NewsletterBodyBlock(blocks.StreamBlock):
    intro = IntroBlock()
    text = blocks.RichTextBlock(features=NEWSLETTER_RICH_TEXT_FEATURES, label=_("Text"), icon="pilcrow")
    image = NewsletterImageBlock()
    call_to_action = NewsletterCallToActionBlock()
    latest_news = LatestNewsBlock()
    upcoming_events = UpcomingEventsBlock()
    new_in_databank = NewInDatabankBlock()
