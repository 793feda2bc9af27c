"""The printable attendance list of one date (PDF, reportlab): who is expected, who came, a column to sign."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from cms.pages.models import EventOccurrence

from .attendance import registrations_for
from .models import EventRegistration


def attendance_pdf(occurrence: EventOccurrence) -> bytes:
    """A4 list of the date's registrations (cancelled and waiting ones left out), sorted by name."""
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=_("Attendance list"),
    )
    registrations = (
        registrations_for(occurrence)
        .filter(status__in=EventRegistration.HOLDING)
        .prefetch_related("attendances")
        .order_by("name", "pk")
    )
    when = timezone.localtime(occurrence.start).strftime("%d-%m-%Y %H:%M")
    story = [
        Paragraph(_("Attendance list"), styles["Title"]),
        Paragraph(f"{occurrence.page.title} – {when}", styles["Heading2"]),
        Spacer(1, 4 * mm),
    ]
    rows = [[_("Name"), _("Organisation"), _("Checked in"), _("Signature")]]
    for registration in registrations:
        came = next((a for a in registration.attendances.all() if a.occurrence_id == occurrence.pk), None)
        rows.append(
            [
                Paragraph(registration.name, styles["BodyText"]),
                Paragraph(registration.organisation, styles["BodyText"]),
                timezone.localtime(came.checked_in_at).strftime("%H:%M") if came else "",
                "",
            ]
        )
    table = Table(rows, colWidths=[55 * mm, 60 * mm, 22 * mm, 43 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f6f6")]),
                ("TOPPADDING", (0, 1), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            _("%(expected)d expected, %(came)d checked in.")
            % {"expected": len(rows) - 1, "came": sum(1 for row in rows[1:] if row[2])},
            styles["BodyText"],
        )
    )
    document.build(story)
    return buffer.getvalue()
