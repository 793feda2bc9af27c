"""Text extraction from attached files (PDF via pypdf, DOCX via its XML), cached per file hash.

Extraction is bounded whatever a file claims: a .docx must pass the archive limits
(:mod:`cms.archives`) and its XML is streamed, at most ``MAX_XML_BYTES`` of it, until
``MAX_CHARS`` of text are found; a text file is read up to ``MAX_TEXT_BYTES``.
"""

from __future__ import annotations

import logging
import re
import zipfile
from xml.etree import ElementTree

from pypdf import PdfReader

from cms.archives import check_archive_limits

from .models import DocumentText

logger = logging.getLogger(__name__)

MAX_CHARS = 100_000
MAX_TEXT_BYTES = 4 * MAX_CHARS  # UTF-8 needs at most four bytes a character
MAX_XML_BYTES = 20 * 1024 * 1024  # markup around the text: stop reading XML after this much
XML_CHUNK_BYTES = 64 * 1024
_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract_pdf(fileobj) -> str:
    reader = PdfReader(fileobj)
    parts: list[str] = []
    for page in reader.pages:
        parts.append(page.extract_text() or "")
        if sum(map(len, parts)) > MAX_CHARS:
            break
    return "\n".join(parts)


def extract_docx(fileobj) -> str:
    """Paragraph text of a .docx: the document XML is all we need, no extra dependency."""
    with zipfile.ZipFile(fileobj) as archive:
        check_archive_limits(archive)
        with archive.open("word/document.xml") as xml:
            return _docx_paragraphs(xml)


def _docx_paragraphs(xml) -> str:
    """Stream the XML, keeping only paragraph text, until enough text or bytes are read."""
    parser = ElementTree.XMLPullParser(events=("end",))  # expat: no external entities or DTDs fetched
    paragraphs: list[str] = []
    chars = read = 0
    while chars < MAX_CHARS and read < MAX_XML_BYTES:
        chunk = xml.read(XML_CHUNK_BYTES)
        if not chunk:
            break
        read += len(chunk)
        parser.feed(chunk)
        for _event, element in parser.read_events():
            if element.tag != f"{_W_NS}p":
                continue
            text = "".join(t.text or "" for t in element.iter(f"{_W_NS}t"))
            element.clear()  # the paragraph's runs are done with: keep memory flat
            if text:
                paragraphs.append(text)
                chars += len(text) + 1
    return "\n".join(paragraphs)


def extract_txt(fileobj) -> str:
    return fileobj.read(MAX_TEXT_BYTES).decode("utf-8", "replace")


EXTRACTORS = {"pdf": extract_pdf, "docx": extract_docx, "txt": extract_txt}


# What PDF text extraction leaves in a text that no reader should see: control characters (a
# bullet drawn in a standard font comes out as DEL), private-use glyphs (Symbol and Wingdings
# bullets), the replacement character; invisible marks that split words (soft hyphens, zero-width
# spaces) go entirely, typographic ligatures become their letters so "ﬁets" is found as "fiets".
_UNREADABLE = [
    *range(0x00, 0x09),
    0x0B,
    0x0C,
    *range(0x0E, 0x20),
    *range(0x7F, 0xA0),
    *range(0xE000, 0xF900),
    0xFFFD,
]
_CLEAN_TEXT = str.maketrans(
    {
        **dict.fromkeys(_UNREADABLE, " "),
        **dict.fromkeys([0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]),
        **{
            0xFB00: "ff",
            0xFB01: "fi",
            0xFB02: "fl",
            0xFB03: "ffi",
            0xFB04: "ffl",
            0xFB05: "st",
            0xFB06: "st",
        },
    }
)
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r" ?\n[\n ]*")


def clean_text(text: str) -> str:
    """Extracted text as people read it: no control characters, stray glyphs or blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CLEAN_TEXT)
    return _BLANK_LINES.sub("\n", _SPACES.sub(" ", text)).strip()


def extract_text(document) -> str:
    """Cleaned text of a Wagtail document, "" for unsupported or unreadable files (logged, never raised)."""
    extractor = EXTRACTORS.get(document.file_extension.lower())
    if extractor is None:
        return ""
    try:
        with document.open_file() as fileobj:
            return clean_text(extractor(fileobj))[:MAX_CHARS]
    except Exception:
        logger.warning("Could not extract text from document %s", document.pk, exc_info=True)
        return ""


def document_text(document) -> str:
    """Cached text of ``document``; re-extracted only when its file hash changed."""

    file_hash = document.file_hash or ""
    cached = DocumentText.objects.filter(document=document).first()
    if cached is not None and cached.file_hash == file_hash and file_hash:
        return cached.text
    text = extract_text(document)
    DocumentText.objects.update_or_create(document=document, defaults={"file_hash": file_hash, "text": text})
    return text
