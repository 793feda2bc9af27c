"""Generated demo images: flat coloured rectangles with a title, stored as Wagtail images.

Images are keyed on their title, so running the seed again never re-creates files.
"""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

# Calm, accessible colours (white text has enough contrast on each).
PALETTE = [
    "#1f4e79",
    "#2e7d32",
    "#6a1b9a",
    "#b23c17",
    "#00695c",
    "#37474f",
    "#ad1457",
    "#4527a0",
    "#8d6e00",
    "#01579b",
]


def _colour_for(text: str) -> str:
    digest = hashlib.sha1(text.encode(), usedforsecurity=False).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, max_width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= max_width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def render_png(text: str, subtitle: str = "", size: tuple[int, int] = (960, 540), colour: str = "") -> bytes:
    """Return PNG bytes: a coloured rectangle with a centred title and an optional subtitle."""
    width, height = size
    image = PILImage.new("RGB", size, colour or _colour_for(text))
    draw = ImageDraw.Draw(image)
    # A white accent stripe at the bottom makes the pictures look less like plain placeholders.
    draw.rectangle([0, height - max(8, height // 40), width, height], fill="white")
    title_font = ImageFont.load_default(size=max(24, width // 18))
    sub_font = ImageFont.load_default(size=max(16, width // 36))
    lines = _wrap(draw, text, title_font, int(width * 0.85))
    line_height = int(title_font.size * 1.25)
    y = (height - line_height * len(lines)) // 2 - (sub_font.size if subtitle else 0)
    for line in lines:
        line_width = draw.textlength(line, font=title_font)
        draw.text(((width - line_width) / 2, y), line, font=title_font, fill="white")
        y += line_height
    if subtitle:
        sub_width = draw.textlength(subtitle, font=sub_font)
        draw.text(((width - sub_width) / 2, y + sub_font.size // 2), subtitle, font=sub_font, fill="#e8eef5")
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def render_logo_png(text: str, colour: str, size: tuple[int, int] = (240, 96)) -> bytes:
    """Return PNG bytes: a wordmark, white bold-ish text filling a coloured badge."""
    width, height = size
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=int(height * 0.5))
    while draw.textlength(text, font=font) > width * 0.86:
        font = ImageFont.load_default(size=font.size - 2)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x, y = (width - (right - left)) / 2 - left, (height - (bottom - top)) / 2 - top
    for dx in (0, 1):  # a poor man's bold
        draw.text((x + dx, y), text, font=font, fill="white")
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def get_or_create_logo(title: str, filename: str, text: str, colour: str):
    """Return the Wagtail image with this title, generating a wordmark only the first time."""
    return _get_or_store(title, filename, lambda: render_logo_png(text, colour))


def get_or_create_image(title: str, filename: str, subtitle: str = "", size: tuple[int, int] = (960, 540)):
    """Return the Wagtail image with this title, generating its file only the first time."""
    return _get_or_store(title, filename, lambda: render_png(title, subtitle=subtitle, size=size))


def _get_or_store(title: str, filename: str, render):
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).order_by("pk").first()
    if existing:
        return existing
    png = render()
    image = image_model(title=title, file_size=len(png), file_hash=hash_filelike(BytesIO(png)))
    image.file = ImageFile(BytesIO(png), name=f"{filename}.png")
    image.save()
    return image
