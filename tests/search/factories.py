"""Factories for the databank search tests: kits with taxonomies, downloads with real PDF files."""

import io

import factory
from django.core.files.base import ContentFile
from reportlab.pdfgen import canvas
from wagtail.documents.models import Document

from cms.pages.models import LessonKitDownload


def pdf_bytes(*lines: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for i, line in enumerate(lines):
        pdf.drawString(72, 750 - 16 * i, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class PdfDocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Werkblad {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(pdf_bytes(*o.lines), name=f"{o.title}.pdf"))

    class Params:
        lines = ("Werkblad techniek",)

    class Meta:
        model = Document
        exclude = ("lines",)


class LessonKitDownloadFactory(factory.django.DjangoModelFactory):
    document = factory.SubFactory(PdfDocumentFactory)
    kind = LessonKitDownload.Kind.WORKSHEET

    class Meta:
        model = LessonKitDownload
