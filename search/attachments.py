"""Text extraction from attached files (PDF via pypdf, DOCX via its XML), cached per file hash."""

from __future__ import annotations

import logging
import zipfile
from xml.etree import ElementTree

from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_CHARS = 100_000
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
        root = ElementTree.fromstring(archive.read("word/document.xml"))  # noqa: S314 - local upload, no DTDs
    paragraphs = ("".join(t.text or "" for t in p.iter(f"{_W_NS}t")) for p in root.iter(f"{_W_NS}p"))
    return "\n".join(p for p in paragraphs if p)


EXTRACTORS = {"pdf": extract_pdf, "docx": extract_docx, "txt": lambda f: f.read().decode("utf-8", "replace")}


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
    from .models import DocumentText

    file_hash = document.file_hash or ""
    cached = DocumentText.objects.filter(document=document).first()
    if cached is not None and cached.file_hash == file_hash and file_hash:
        return cached.text
    text = extract_text(document)
    DocumentText.objects.update_or_create(document=document, defaults={"file_hash": file_hash, "text": text})
    return text
