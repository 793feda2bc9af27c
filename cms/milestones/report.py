"""The report a funder expects, per region and school year, as PDF (reportlab) and XLSX (openpyxl).

Programme lines with the project leader's text and their milestones (figure, target, percentage,
status), then the reach tables of the dashboard (per quarter, and the school year's total).
Figures are as of the end of the school year, or today while it runs.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from cms.dashboard import services as dashboard
from cms.exports import xlsx_bytes
from cms.snippets.models import Region

from . import services
from .models import Milestone, ProgrammeLine

REACH_FIELDS = (
    ("classes", gettext_lazy("Classes reached")),
    ("pupils", gettext_lazy("Pupils reached")),
    ("schools", gettext_lazy("Schools reached")),
    ("event_registrations", gettext_lazy("Event registrations")),
    ("challenge_teams", gettext_lazy("Challenge teams")),
    ("kit_downloads", gettext_lazy("Kit downloads")),
)


@dataclass
class Section:
    line: ProgrammeLine | None
    rows: list[services.Progress]


@dataclass
class Report:
    region: Region
    school_year: int
    as_of: dt.date
    sections: list[Section]
    reach: dashboard.Dashboard

    @property
    def title(self) -> str:
        return _("Progress report %(region)s, school year %(year)s") % {
            "region": self.region.name,
            "year": dashboard.school_year_label(self.school_year),
        }


def build(region: Region, school_year: int, today: dt.date | None = None) -> Report:
    today = today or timezone.localdate()
    as_of = min(today, dashboard.school_year_bounds(school_year)[1])
    milestones = (
        Milestone.objects.filter(region=region)
        .select_related("programme_line", "evidence")
        .prefetch_related("offerings", "techniekhuizen")
        .order_by("programme_line__code", "code", "pk")
    )
    sections: dict = {}
    for row in services.progress_of(milestones, as_of):
        sections.setdefault(row.milestone.programme_line, []).append(row)
    for line in ProgrammeLine.objects.filter(region=region).order_by("code"):
        sections.setdefault(line, [])
    ordered = sorted(sections.items(), key=lambda item: (item[0] is None, item[0].code if item[0] else ""))
    reach = dashboard.compute(granularity=dashboard.QUARTER, region_id=region.pk, school_year=school_year)
    return Report(region, school_year, as_of, [Section(line, rows) for line, rows in ordered], reach)


def _figure(value: float | None) -> str:
    if value is None:
        return "—"
    return (
        f"{value:,.0f}".replace(",", ".") if float(value).is_integer() else f"{value:.1f}".replace(".", ",")
    )


def milestone_header() -> list[str]:
    return [_("Nr."), _("Milestone"), _("Due"), _("Figure"), _("Target"), "%", _("Status")]


def milestone_row(row: services.Progress) -> list:
    m = row.milestone
    return [
        m.code,
        m.text,
        str(m.due),
        _figure(row.value) if m.is_measured else "—",
        row.target if row.target is not None else "—",
        f"{row.percentage}%" if row.percentage is not None else "—",
        row.status_label,
    ]


def reach_header() -> list[str]:
    return [_("Quarter"), *[str(label) for _key, label in REACH_FIELDS]]


def reach_rows(report: Report) -> list[list]:
    def values(figures) -> list:
        return [
            getattr(figures, key) if key != "kit_downloads" or report.reach.downloads is not None else "—"
            for key, _label in REACH_FIELDS
        ]

    rows = [[row.period, *values(row)] for row in report.reach.rows]
    rows.append([_("Total"), *values(report.reach.total)])
    return rows


def pdf(report: Report) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=report.title,
        author=report.region.name,
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    story = [
        Paragraph(escape(report.title), styles["Title"]),
        Paragraph(
            escape(_("Figures as of %(day)s.") % {"day": report.as_of.strftime("%d-%m-%Y")}),
            styles["BodyText"],
        ),
        Spacer(1, 0.4 * cm),
    ]
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6f4f0")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
        ]
    )
    for section in report.sections:
        heading = f"{section.line.code} {section.line.title}" if section.line else _("Without programme line")
        story.append(Paragraph(escape(heading), styles["Heading2"]))
        if section.line and section.line.report_text:
            for paragraph in section.line.report_text.split("\n\n"):
                story.append(Paragraph(escape(paragraph), styles["BodyText"]))
        if section.rows:
            data = [milestone_header()] + [
                [Paragraph(escape(str(cell)), small) for cell in milestone_row(row)] for row in section.rows
            ]
            table = Table(
                data,
                colWidths=[1.3 * cm, 6.7 * cm, 1.7 * cm, 1.6 * cm, 1.5 * cm, 1.2 * cm, 2 * cm],
                repeatRows=1,
            )
            table.setStyle(grid)
            story += [Spacer(1, 0.2 * cm), table]
    story += [Spacer(1, 0.5 * cm), Paragraph(escape(_("Reach")), styles["Heading2"])]
    reach = Table([reach_header(), *reach_rows(report)], repeatRows=1)
    reach.setStyle(grid)
    story.append(reach)
    doc.build(story)
    return out.getvalue()


def xlsx(report: Report) -> bytes:
    milestones = [[_("Programme line"), *milestone_header(), _("Note")]]
    texts = [[_("Programme line"), _("Title"), _("Text for the report")]]
    for section in report.sections:
        line = str(section.line) if section.line else ""
        if section.line:
            texts.append([section.line.code, section.line.title, section.line.report_text])
        for row in section.rows:
            milestones.append([line, *milestone_row(row), row.milestone.note])
    return xlsx_bytes(
        [
            (_("Milestones"), milestones),
            (_("Programme lines"), texts),
            (_("Reach"), [reach_header(), *reach_rows(report)]),
        ]
    )
