"""The milestone table import: the plans' layout, row errors with row numbers, upsert on re-import."""

import datetime as dt
import io

import openpyxl
import pytest
from django.utils import translation

from cms.milestones import imports
from cms.milestones.models import Milestone, ProgrammeLine
from cms.milestones.quarters import Quarter, parse_quarter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The messages are compared in English (the Dutch ones are checked by test_translations)."""
    with translation.override("en"):
        yield


PLAN = """Mijlpalen;;
Nr.;Beschrijving mijlpaal;Behaald
1.1.1;De kadernotitie is vastgesteld;Q2 2025
1.1.2;70 klassen hebben workshop gevolgd bij Techmission010;Q4 2026
2.1.2;3 scholen maken gebruik van leskisten in leerjaar 1;Q3-2026
3.1.1;Verbeterplan en aangescherpt kader DLR PIE gerealiseerd;2025-Q3
"""


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("Q4 2026", Quarter(2026, 4)),
        ("Q3-2026", Quarter(2026, 3)),
        ("2025-Q3", Quarter(2025, 3)),
        ("q1/2027", Quarter(2027, 1)),
        ("Q5 2026", None),
        ("2026", None),
    ],
)
def test_quarters_as_the_plans_write_them(text, quarter):
    assert parse_quarter(text) == quarter


def test_plan_table_is_read_with_spreadsheet_row_numbers(region_site):
    rows = imports.parse("plan.csv", PLAN.encode(), region_site.region)

    assert [r.number for r in rows] == [3, 4, 5, 6]
    assert all(r.ok for r in rows)
    assert rows[1].values["code"] == "1.1.2"


def test_bad_rows_are_reported_with_their_row_number(region_site):
    table = (
        "Nr.,Beschrijving mijlpaal,Behaald,Indicator,Doel,Schooltype\n"
        "1.1,Goed,Q1 2026,classes_reached,70,po\n"
        ",Zonder nummer,Q1 2026,,,\n"
        "1.3,Verkeerd kwartaal,Q5 2026,,,\n"
        "1.4,Onbekende indicator,Q1 2026,hugs_given,3,\n"
        "1.5,Doel geen getal,Q1 2026,classes_reached,veel,\n"
        "1.6,Onbekend schooltype,Q1 2026,,,havo\n"
        "1.1,Goed,Q1 2026,classes_reached,70,po\n"
    )
    rows = imports.parse("plan.csv", table.encode(), region_site.region)
    errors = {r.number: r.errors for r in rows if not r.ok}

    assert sorted(errors) == [3, 4, 5, 6, 7, 8]
    assert "number is empty" in errors[3][0]
    assert "Q5 2026" in errors[4][0]
    assert "hugs_given" in errors[5][0]
    assert "veel" in errors[6][0]
    assert "havo" in errors[7][0]
    assert "twice" in errors[8][0]
    with pytest.raises(ValueError, match="without errors"):
        imports.save(rows, region_site.region, dt.date(2025, 1, 1))
    assert not Milestone.objects.exists()


def test_file_without_the_plan_columns_is_refused(region_site):
    with pytest.raises(imports.ImportFileError, match="header row"):
        imports.parse("plan.csv", b"naam;datum\nx;y\n", region_site.region)
    with pytest.raises(imports.ImportFileError, match="xlsx"):
        imports.parse("plan.xlsx", b"not a zip", region_site.region)


def test_xlsx_is_saved_and_a_second_import_updates_the_same_rows(region_site):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nr.", "Beschrijving mijlpaal", "Behaald", "Indicator", "Doel"])
    sheet.append(["1.1.2", "70 klassen hebben workshop gevolgd", "Q4 2026", "classes_reached", 70])
    sheet.append(["1.1.1", "De kadernotitie is vastgesteld", "Q2 2025", None, None])
    out = io.BytesIO()
    book.save(out)
    region = region_site.region

    rows = imports.parse("plan.xlsx", out.getvalue(), region)
    assert imports.save(rows, region, dt.date(2025, 1, 1)) == (2, 0)
    measured = Milestone.objects.get(code="1.1.2")
    assert (measured.kind, measured.indicator, measured.target, measured.due) == (
        Milestone.Kind.MEASURED,
        "classes_reached",
        70,
        Quarter(2026, 4),
    )
    assert measured.programme_line == ProgrammeLine.objects.get(region=region, code="1")
    assert Milestone.objects.get(code="1.1.1").kind == Milestone.Kind.MANUAL

    rows = imports.parse("plan.xlsx", out.getvalue(), region)
    assert all(r.existing for r in rows)
    assert imports.save(rows, region, dt.date(2025, 1, 1)) == (0, 2)
    assert Milestone.objects.count() == 2
