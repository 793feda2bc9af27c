"""Kept for the migrations that reference ``validate_single_line`` here; the rule lives in :mod:`cms.text`."""

from cms.text import validate_single_line

__all__ = ["validate_single_line"]
