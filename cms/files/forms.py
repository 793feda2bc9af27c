"""Wagtail's document form for every upload (``WAGTAILDOCS_DOCUMENT_FORM_BASE``, single and multiple)."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from .uploads import validate_archive_limits


class DocumentForm(BaseDocumentForm):
    """A ZIP-based file must stay within the same unpacking limits as a contribution, whichever app
    is installed: documents are safe with pages and files alone."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            validate_archive_limits(upload)
        return upload
