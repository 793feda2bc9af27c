"""Checks on uploaded files: what anonymous teachers contribute, and every Wagtail document.

The extension says what a file claims to be; the first bytes ("magic numbers", read with the
``filetype`` package) say what it is. Both must agree and be on the allow-list, so an
executable or HTML page renamed to ``.pdf`` is refused, as is anything scriptable (.html, .svg).
ZIP-based files (office documents, .zip) must also stay within the unpacking limits of
:mod:`cms.archives`, so a decompression bomb is refused before anything reads it.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cms.archives import ArchiveLimitError, check_archive_limits

# extension -> the MIME type its content must sniff as
ALLOWED_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "zip": "application/zip",
}
# Never inside a ZIP either: things a browser or an OS would run.
DANGEROUS_SUFFIXES = {
    ".exe",
    ".msi",
    ".bat",
    ".cmd",
    ".com",
    ".scr",
    ".ps1",
    ".vbs",
    ".js",
    ".jar",
    ".sh",
    ".html",
    ".htm",
    ".xhtml",
    ".svg",
    ".php",
    ".py",
    ".dll",
    ".app",
    ".lnk",
    ".hta",
}
SNIFF_BYTES = 8192


def max_file_size() -> int:
    return getattr(settings, "EDITORIAL_CONTRIBUTION_MAX_FILE_SIZE", 20 * 1024 * 1024)


def max_files() -> int:
    return getattr(settings, "EDITORIAL_CONTRIBUTION_MAX_FILES", 5)


def _base_name(upload: UploadedFile) -> str:
    return PurePosixPath((upload.name or "").replace("\\", "/")).name


def validate_upload(upload: UploadedFile) -> str:
    """Raise a ``ValidationError`` (in the active language) unless ``upload`` is acceptable.

    Returns the file's (lower-case) extension.
    """
    name = _base_name(upload)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _("%(name)s: this file type is not allowed. Allowed types: %(types)s.")
            % {"name": name, "types": ", ".join(sorted(ALLOWED_TYPES))},
            code="file_type",
        )
    if upload.size > max_file_size():
        raise ValidationError(
            _("%(name)s is too large (%(size)s); the maximum is %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_file_size())},
            code="file_size",
        )
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime != ALLOWED_TYPES[extension]:
        raise ValidationError(
            _("%(name)s is not a real %(extension)s file; its content does not match its extension.")
            % {"name": name, "extension": extension.upper()},
            code="file_content",
        )
    if kind.mime.endswith("zip") or extension in {"docx", "pptx", "xlsx", "odt", "odp", "ods"}:
        _check_archive(upload, name)
    return extension


def _archive_members(upload: UploadedFile, name: str) -> list[str]:
    """The member names of a ZIP-based upload that opens and stays within the unpacking limits."""
    try:
        with zipfile.ZipFile(upload) as archive:
            check_archive_limits(archive)
            return archive.namelist()
    except zipfile.BadZipFile as error:
        raise ValidationError(
            _("%(name)s is damaged and cannot be opened.") % {"name": name}, code="file_content"
        ) from error
    except ArchiveLimitError as error:
        raise ValidationError(_archive_limit_message(error, name), code="file_content") from error
    finally:
        upload.seek(0)


def _archive_limit_message(error: ArchiveLimitError, name: str) -> str:
    if error.reason == "ratio":
        return _(
            "%(name)s is packed far more tightly than a normal file (a possible zip bomb) and is refused."
        ) % {"name": name}
    if error.reason == "members":
        return _("%(name)s contains too many files (the maximum is %(max)s).") % {
            "name": name,
            "max": error.limit,
        }
    return _("%(name)s would be too large unpacked (%(size)s; the maximum is %(max)s).") % {
        "name": name,
        "size": filesizeformat(error.unpacked_size),
        "max": filesizeformat(error.limit),
    }


def validate_archive_limits(upload: UploadedFile) -> None:
    """For uploads of any type (e.g. Wagtail's document form): a ZIP must stay within the limits."""
    upload.seek(0)
    is_zip = zipfile.is_zipfile(upload)
    upload.seek(0)
    if is_zip:
        _archive_members(upload, _base_name(upload))


def _check_archive(upload: UploadedFile, name: str) -> None:
    members = _archive_members(upload, name)
    for member in members:
        if PurePosixPath(member).suffix.lower() in DANGEROUS_SUFFIXES:
            raise ValidationError(
                _("%(name)s contains a file that is not allowed (%(member)s).")
                % {"name": name, "member": PurePosixPath(member).name},
                code="file_content",
            )
