"""Text extraction from attachments reads a bounded amount, whatever a file claims to unpack to."""

import tracemalloc

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from search.attachments import MAX_CHARS, extract_text
from tests.factories import docx_bomb, docx_of_paragraphs

pytestmark = pytest.mark.django_db


def document(name: str, content: bytes) -> Document:
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


def peak_memory_of(function) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = function()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_docx_is_read_paragraph_by_paragraph():
    doc = document("werkblad.docx", docx_of_paragraphs("Bouw een brug van papier.", 3))
    assert (
        extract_text(doc) == "Bouw een brug van papier.\nBouw een brug van papier.\nBouw een brug van papier."
    )


def test_a_decompression_bomb_is_not_unpacked():
    doc = document("bom.docx", docx_bomb())

    text, peak = peak_memory_of(lambda: extract_text(doc))

    assert text == ""
    assert peak < 20 * 1024 * 1024


def test_even_a_valid_large_docx_is_read_only_up_to_the_text_limit(settings):
    # ~40 MB of varied-enough XML within the archive limits: extraction stops at the limit.
    settings.ARCHIVE_MAX_COMPRESSION_RATIO = 10_000
    doc = document("lang.docx", docx_of_paragraphs("Leerlingen meten stroom en spanning. " * 20, 50_000))

    text, peak = peak_memory_of(lambda: extract_text(doc))

    assert text.startswith("Leerlingen meten stroom")
    assert MAX_CHARS // 2 < len(text) <= MAX_CHARS
    assert peak < 20 * 1024 * 1024


def test_a_text_file_is_read_only_up_to_the_limit():
    doc = document("notities.txt", b"a" * (20 * 1024 * 1024))

    text, peak = peak_memory_of(lambda: extract_text(doc))

    assert len(text) == MAX_CHARS
    assert peak < 4 * 1024 * 1024
