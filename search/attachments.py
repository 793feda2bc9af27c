"""Text extraction from attached files (PDF via pypdf, DOCX via its XML), cached per file hash.

Extraction is bounded whatever a file claims: a .docx must pass the archive limits
(:mod:`cms.archives`) and its XML is streamed, at most ``MAX_XML_BYTES`` of it, until
``MAX_CHARS`` of text are found; a text file is read up to ``MAX_TEXT_BYTES``.
"""

from __future__ import annotations

import logging
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


def extract_text(document) -> str:
    """Text of a Wagtail document, "" for unsupported or unreadable files (logged, never raised)."""
    extractor = EXTRACTORS.get(document.file_extension.lower())
    if extractor is None:
        return ""
    try:
        with document.open_file() as fileobj:
            return extractor(fileobj)[:MAX_CHARS]
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
