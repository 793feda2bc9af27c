"""Limits on ZIP archives (office files are ZIPs too), checked before anything is unpacked.

A decompression bomb is small on disk and enormous unpacked (a 300 KB .docx holding 300 MB of
text). The central directory states every member's packed and unpacked size, and ``zipfile``
never yields more than the stated size, so checking the directory is enough: the total unpacked
size (``ARCHIVE_MAX_UNCOMPRESSED_SIZE``), the packing ratio of any sizeable member
(``ARCHIVE_MAX_COMPRESSION_RATIO``) and the number of members (``ARCHIVE_MAX_MEMBERS``).
Used by upload validation and by attachment text extraction alike.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.conf import settings

#: Members smaller than this unpacked are not ratio-checked: tiny XML parts compress very well
#: and can never be a bomb.
RATIO_FLOOR = 1024 * 1024


@dataclass
class ArchiveLimitError(Exception):
    """The archive would unpack beyond a limit; ``reason`` is "size", "ratio" or "members"."""

    reason: str
    unpacked_size: int
    limit: int


def max_uncompressed_size() -> int:
    return getattr(settings, "ARCHIVE_MAX_UNCOMPRESSED_SIZE", 100 * 1024 * 1024)


def max_compression_ratio() -> int:
    return getattr(settings, "ARCHIVE_MAX_COMPRESSION_RATIO", 100)


def max_members() -> int:
    return getattr(settings, "ARCHIVE_MAX_MEMBERS", 10_000)


def check_archive_limits(archive: zipfile.ZipFile) -> None:
    """Raise :class:`ArchiveLimitError` if ``archive`` unpacks beyond the configured limits."""
    members = archive.infolist()
    total = sum(member.file_size for member in members)
    if len(members) > max_members():
        raise ArchiveLimitError("members", total, max_members())
    if total > max_uncompressed_size():
        raise ArchiveLimitError("size", total, max_uncompressed_size())
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > max_compression_ratio() * max(
            member.compress_size, 1
        ):
            raise ArchiveLimitError("ratio", total, max_compression_ratio())
