"""A school's coverage as a PDF (reportlab): per school year the groups and the worlds they met."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .coverage import SchoolCoverage


def pdf(coverage: SchoolCoverage) -> bytes:
    out = io.BytesIO()
    title = _("Worlds of technology met by %(school)s") % {"school": coverage.school.name}
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), title=title, leftMargin=1.5 * cm, rightMargin=1.5 * cm
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=9)
    story = [Paragraph(escape(title), styles["Title"])]
    if not coverage.years:
        story.append(
            Paragraph(
                escape(_("No lessons given, kits borrowed or events attended yet.")), styles["BodyText"]
            )
        )
    for year in coverage.years:
        story.append(Paragraph(escape(_("School year %(year)s") % {"year": year.label}), styles["Heading2"]))
        header = [
            _("Group"),
            _("Lessons, loans and events"),
            *[Paragraph(escape(w.name), small) for w in coverage.worlds],
        ]
        rows = [header]
        for group in year.groups:
            rows.append(
                [
                    str(group.group or _("whole school")),
                    str(group.activities),
                    *["X" if w.pk in group.world_ids else "" for w in coverage.worlds],
                ]
            )
        table = Table(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6f4f0")),
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [table, Spacer(1, 0.2 * cm)]
        gaps = ", ".join(w.name for w in coverage.world_gaps(year)) or _("none")
        story.append(
            Paragraph(
                escape(_("Worlds not met this school year: %(gaps)s") % {"gaps": gaps}), styles["BodyText"]
            )
        )
        goals = ", ".join(str(g.number) for g in coverage.goals if g.pk in year.goal_ids) or _("none")
        story.append(Paragraph(escape(_("Core goals met: %(goals)s") % {"goals": goals}), styles["BodyText"]))
    doc.build(story)
    return out.getvalue()
