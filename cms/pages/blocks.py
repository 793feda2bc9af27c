"""StreamField blocks shared by all page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        rendition = image.get_rendition("max-1200x800|format-webp") if image else None
        return {
            "url": rendition.url if rendition else None,
            "width": rendition.width if rendition else None,
            "height": rendition.height if rendition else None,
            "alt_text": value["alt_text"],
            "caption": value["caption"],
        }


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external link"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"))
    title = blocks.CharBlock(label=_("title"), max_length=200)
    group = blocks.CharBlock(
        label=_("for group"),
        required=False,
        max_length=40,
        help_text=_("E.g. groep 3/4, 5/6 or 7/8."),
    )

    class Meta:
        icon = "media"
        label = _("Instruction video")
        template = "blocks/video_block.html"

    def get_api_representation(self, value, context=None):
        return {
            "url": value["video"].url if value["video"] else None,
            "title": value["title"],
            "group": value["group"],
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    document = DocumentChooserBlock(
        label=_("Document"), icon="doc-full", template="blocks/document_block.html"
    )


class LessonStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    minutes = blocks.IntegerBlock(label=_("minutes"), min_value=1, max_value=600, required=False)
    instructions = blocks.RichTextBlock(label=_("instructions"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(required=False)

    class Meta:
        icon = "list-ol"
        label = _("Lesson step")
        template = "blocks/lesson_step_block.html"


class LessonStepsBlock(blocks.StreamBlock):
    step = LessonStepBlock()


class MaterialItemBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("material"), max_length=200)
    quantity = blocks.CharBlock(label=_("quantity"), max_length=80, required=False)
    consumable = blocks.BooleanBlock(
        label=_("consumable"),
        required=False,
        help_text=_("Used up during the lesson and must be replenished."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Material")


class MaterialsBlock(blocks.StreamBlock):
    material = MaterialItemBlock()


class PhaseBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    start_date = blocks.DateBlock(label=_("start date"))
    end_date = blocks.DateBlock(label=_("end date"), required=False)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "date"
        label = _("Phase")


class PhasesBlock(blocks.StreamBlock):
    phase = PhaseBlock()


class PrizeBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("prize"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "pick"
        label = _("Prize")


class PrizesBlock(blocks.StreamBlock):
    prize = PrizeBlock()
