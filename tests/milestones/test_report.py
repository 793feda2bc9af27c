"""The funder's report per region and school year: PDF and XLSX with lines, milestones and reach."""

import datetime as dt
import io

import openpyxl
import pytest
from pypdf import PdfReader

from cms.milestones import report
from cms.milestones.models import Milestone, ProgrammeLine
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.factories import SchoolFactory, TechniekhuisPageFactory

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(region_site):
    region = region_site.region
    offering = LessonOfferingFactory(techniekhuis=TechniekhuisPageFactory(parent=region_site.techniekhuizen))
    for day in (dt.date(2025, 9, 2), dt.date(2025, 10, 7)):
        BookingFactory(
            slot=TimeSlotFactory(offering=offering, date=day, capacity_classes=3),
            school=SchoolFactory(region=region),
            pupils=25,
            status="completed",
        )
    line = ProgrammeLine.objects.create(
        region=region,
        code="1",
        title="LOB vanaf groep 5",
        report_text="Dit jaar volgden de eerste klassen workshops.",
    )
    MilestoneFactory(region=region, programme_line=line, code="1.1.2", text="70 klassen workshop", target=70)
    MilestoneFactory(
        region=region,
        programme_line=line,
        code="1.1.1",
        text="Kadernotitie vastgesteld",
        kind=Milestone.Kind.MANUAL,
        indicator="",
        target=None,
        manual_status="done",
    )
    return region


def test_pdf_has_lines_texts_milestones_and_reach(plan):
    data = report.build(plan, 2025, today=dt.date(2026, 1, 15))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(report.pdf(data))).pages)
    text = " ".join(text.split())

    assert "LOB vanaf groep 5" in text
    assert "Dit jaar volgden de eerste klassen workshops." in text
    assert "70 klassen workshop" in text and "3%" in text  # 2 of 70
    assert "Kadernotitie vastgesteld" in text
    assert "2025-Q3" in text and "2025-Q4" in text


def test_xlsx_has_a_sheet_per_part(plan):
    data = report.build(plan, 2025, today=dt.date(2026, 1, 15))
    book = openpyxl.load_workbook(io.BytesIO(report.xlsx(data)))

    milestones, lines, reach = book.worksheets
    assert [row[1] for row in milestones.iter_rows(min_row=2, values_only=True)] == ["1.1.1", "1.1.2"]
    assert lines.cell(2, 3).value == "Dit jaar volgden de eerste klassen workshops."
    totals = list(reach.iter_rows(values_only=True))[-1]
    assert totals[1:3] == (2, 50)


def test_report_view_downloads_a_pdf(admin_client, plan):
    response = admin_client.get(
        "/admin/milestones/report/", {"region": plan.pk, "school_year": 2025, "format": "pdf"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
