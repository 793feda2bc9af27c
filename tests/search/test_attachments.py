"""Text extraction from attachments reads a bounded amount, whatever a file claims to unpack to."""

import tracemalloc
from importlib import import_module

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from search.attachments import MAX_CHARS, clean_text, extract_text
from search.models import DocumentText, LessonMaterial
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


def test_extracted_text_reads_as_people_read_it():
    # What PDFs give: a bullet as DEL, a Symbol-font bullet, a soft hyphen, a ligature, CR line ends.
    raw = "Leerdoelen\r\n\x7f\r\nJe kunt een zonne\xadpaneel aansluiten.\n\uf0b7 Bouw een ﬁets\ufffd\n\n\nKlaar."

    assert clean_text(raw) == "Leerdoelen\nJe kunt een zonnepaneel aansluiten.\nBouw een fiets\nKlaar."


def test_a_document_is_cleaned_when_it_is_extracted():
    doc = document("werkblad.txt", b"Stap 1\x0c\x7f Meet de spanning.")

    assert extract_text(doc) == "Stap 1 Meet de spanning."


def test_text_extracted_before_the_cleaning_is_cleaned_by_the_migration(databank):
    cleaning = import_module("search.migrations.0006_clean_extracted_text")
    doc = document("oud.txt", b"oud")
    DocumentText.objects.create(document=doc, file_hash="x", text="Leerdoelen\n\x7f\nMeet de stroom.")
    material = LessonMaterial.objects.get(page=databank.kits["brug"])
    LessonMaterial.objects.filter(pk=material.pk).update(attachment_text="Stap 1\n\uf0b7 Knip het papier.")

    cleaning.clean_stored_text(apps, schema_editor=None)

    assert DocumentText.objects.get(document=doc).text == "Leerdoelen\nMeet de stroom."
    assert LessonMaterial.objects.get(pk=material.pk).attachment_text == "Stap 1\nKnip het papier."
