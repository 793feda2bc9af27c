"""Reading a plan's milestone table (CSV or XLSX) into milestones: check every row first, then save.

The plans write the table as ``Nr. | Beschrijving mijlpaal | Behaald`` (seed 000); other columns
are optional: programme line, responsible partner, indicator, target, school type. Headers are
matched on the plans' Dutch words and their English names. Every row is checked before anything is
saved, so the preview shows all problems at once, each with its spreadsheet row number; a row is
identified by region, number and text, so importing the same table again updates the same rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

import openpyxl
from django.db import transaction
from django.utils.translation import gettext as _

from cms.archives import ArchiveLimitError, check_archive_limits
from cms.snippets.models import Region, School

from . import indicators
from .models import Milestone, ProgrammeLine
from .quarters import parse_quarter

MAX_ROWS = 1000

#: Column -> header names as they appear in plans and in our export (compared lower-case).
HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("nr.", "nr", "nummer", "code", "number"),
    "text": ("beschrijving mijlpaal", "mijlpaal", "beschrijving", "milestone", "text"),
    "quarter": ("behaald", "behaald in", "kwartaal", "gereed", "due quarter", "quarter", "due"),
    "line": ("actielijn", "programmalijn", "programme line", "line"),
    "partner": ("verantwoordelijke partner", "partner", "responsible partner"),
    "indicator": ("indicator",),
    "target": ("doel", "streefwaarde", "target"),
    "school_type": ("schooltype", "school type"),
}
REQUIRED = ("code", "text", "quarter")


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not CSV/XLSX, no header row, too many rows)."""


@dataclass
class Row:
    number: int  # the row number the spreadsheet shows
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    existing: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(name: str, content: bytes) -> list[tuple[int, list[str]]]:
    """The non-empty rows of a CSV or XLSX file as (row number, cells as text)."""
    if name.lower().endswith(".xlsx"):
        return _read_xlsx(content)
    if name.lower().endswith((".csv", ".txt")):
        return _read_csv(content)
    raise ImportFileError(_("Upload a .csv or .xlsx file."))


def _read_csv(content: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for number, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        if any(c.strip() for c in cells):
            rows.append((number, [c.strip() for c in cells]))
    return rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _read_xlsx(content: bytes) -> list[tuple[int, list[str]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            check_archive_limits(archive)
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, ArchiveLimitError, OSError, KeyError, ValueError) as error:
        raise ImportFileError(_("This is not a readable .xlsx file.")) from error
    rows = []
    for number, cells in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
        texts = [_cell(c) for c in cells]
        if any(texts):
            rows.append((number, texts))
        if len(rows) > MAX_ROWS + 1:
            break
    book.close()
    return rows


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, title in enumerate(header):
        title = " ".join(title.lower().split()).rstrip(":")
        for column, names in HEADERS.items():
            if title in names and column not in found:
                found[column] = index
    return found


def parse(name: str, content: bytes, region: Region) -> list[Row]:
    """Every data row of the file, checked; raises :class:`ImportFileError` for an unusable file."""
    table = read_table(name, content)
    header_at = next(
        (i for i, (_n, cells) in enumerate(table) if set(REQUIRED) <= set(_columns(cells))), None
    )
    if header_at is None:
        raise ImportFileError(
            _("No header row with the columns Nr., Beschrijving mijlpaal and Behaald was found.")
        )
    columns = _columns(table[header_at][1])
    data = table[header_at + 1 :]
    if len(data) > MAX_ROWS:
        raise ImportFileError(_("A table has at most %(max)s rows.") % {"max": MAX_ROWS})
    return rows_from(
        [
            {
                "number": number,
                "values": {column: (cells[i] if i < len(cells) else "") for column, i in columns.items()},
            }
            for number, cells in data
        ],
        region,
    )


def rows_from(items: list[dict], region: Region) -> list[Row]:
    """Check rows given as ``{"number": n, "values": {column: text}}`` (parsed, or kept in the session)."""
    known = {(c, t) for c, t in Milestone.objects.filter(region=region).values_list("code", "text")}
    rows = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        values = {column: str(item["values"].get(column, "")) for column in HEADERS}
        row = Row(int(item["number"]), values)
        _check(row)
        key = (values.get("code", ""), " ".join(values.get("text", "").split()))
        if key in seen:
            row.errors.append(_("The same number and milestone appear twice in the table."))
        seen.add(key)
        row.existing = key in known
        rows.append(row)
    return rows


def _check(row: Row) -> None:
    values = row.values
    values["text"] = " ".join(values.get("text", "").split())
    if not values.get("code"):
        row.errors.append(_("The number is empty."))
    elif len(values["code"]) > 20:
        row.errors.append(_("The number is longer than 20 characters."))
    if not values["text"]:
        row.errors.append(_("The milestone text is empty."))
    if parse_quarter(values.get("quarter", "")) is None:
        row.errors.append(
            _("“%(value)s” is not a quarter; write it like Q4 2026 or 2026-Q4.")
            % {"value": values.get("quarter", "")}
        )
    indicator = values.get("indicator", "")
    if indicator and indicators.get(indicator) is None:
        row.errors.append(_("Unknown indicator “%(value)s”.") % {"value": indicator})
    target = values.get("target", "").replace(".", "").replace(" ", "")
    if target and not target.isdigit():
        row.errors.append(_("The target “%(value)s” is not a whole number.") % {"value": values["target"]})
    elif indicator and not target:
        row.errors.append(_("A row with an indicator needs a target."))
    values["target"] = target
    school_type = values.get("school_type", "").lower()
    if school_type and school_type not in School.SchoolType.values:
        row.errors.append(_("Unknown school type “%(value)s”.") % {"value": values["school_type"]})
    values["school_type"] = school_type


@transaction.atomic
def save(rows: list[Row], region: Region, start_date: dt.date) -> tuple[int, int]:
    """Create or update a milestone per row (all rows must be valid); returns (created, updated)."""
    if any(not row.ok for row in rows):
        raise ValueError("Only a table without errors can be saved.")
    created = updated = 0
    lines: dict[str, ProgrammeLine] = {}
    for row in rows:
        values = row.values
        quarter = parse_quarter(values["quarter"])
        # "1.1.2" belongs to programme line 1 unless the table names the line.
        line_code = (values.get("line", "") or values["code"].split(".")[0])[:20]
        if line_code not in lines:
            lines[line_code], _created = ProgrammeLine.objects.get_or_create(
                region=region, code=line_code, defaults={"title": _("Programme line %s") % line_code}
            )
        line = lines[line_code]
        measured = bool(values.get("indicator"))
        defaults = {
            "due_year": quarter.year,
            "due_quarter": quarter.number,
            "responsible_partner": values.get("partner", "")[:200],
            "kind": Milestone.Kind.MEASURED if measured else Milestone.Kind.MANUAL,
            "indicator": values.get("indicator", ""),
            "target": int(values["target"]) if values.get("target") else None,
            "school_type": values.get("school_type", ""),
            "programme_line": line,
        }
        milestone, was_created = Milestone.objects.update_or_create(
            region=region,
            code=values["code"],
            text=values["text"],
            defaults=defaults,
            create_defaults={**defaults, "start_date": start_date},
        )
        created += was_created
        updated += not was_created
    return created, updated


def date_from(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
