"""A certificate as an A4 PDF (reportlab), in the region's house style when ``cms.branding`` gives one."""

import contextlib
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from .models import Certificate

DEFAULT_COLOUR = "#1d4f91"


@dataclass(frozen=True)
class HouseStyle:
    """What a certificate takes from the region: its name, colour and logo (PNG/JPEG bytes, optional)."""

    region: str = "Sterk Techniekonderwijs"
    colour: str = DEFAULT_COLOUR
    logo: bytes | None = None


def _hours(value: Decimal) -> str:
    return formats.number_format(value.normalize() if value == value.to_integral() else value, use_l10n=True)


def render(certificate: Certificate, style: HouseStyle, *, verify_url: str = "") -> bytes:
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), pageCompression=1)
    pdf.setTitle(_("Certificate") + f" {certificate.code}")
    pdf.setAuthor(style.region)
    accent = colors.HexColor(style.colour or DEFAULT_COLOUR)
    pdf.setFillColor(accent)
    pdf.rect(0, height - 18 * mm, width, 18 * mm, stroke=0, fill=1)
    pdf.rect(0, 0, width, 6 * mm, stroke=0, fill=1)
    if style.logo:
        with contextlib.suppress(OSError):  # an unreadable logo never stops a certificate
            pdf.drawImage(
                ImageReader(io.BytesIO(style.logo)),
                width - 75 * mm,
                height - 55 * mm,
                width=55 * mm,
                height=30 * mm,
                preserveAspectRatio=True,
                anchor="ne",
                mask="auto",
            )
    pdf.setFillColor(colors.black)
    pdf.setFont("Helvetica-Bold", 34)
    pdf.drawString(25 * mm, height - 50 * mm, _("Certificate"))
    pdf.setFont("Helvetica", 14)
    pdf.drawString(25 * mm, height - 62 * mm, style.region)
    pdf.setFont("Helvetica", 14)
    pdf.drawString(25 * mm, height - 88 * mm, _("This certifies that"))
    pdf.setFont("Helvetica-Bold", 26)
    pdf.setFillColor(accent)
    pdf.drawString(25 * mm, height - 102 * mm, certificate.name)
    pdf.setFillColor(colors.black)
    pdf.setFont("Helvetica", 14)
    pdf.drawString(25 * mm, height - 116 * mm, _("took part in"))
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(25 * mm, height - 128 * mm, certificate.activity[:80])
    pdf.setFont("Helvetica", 14)
    date = formats.date_format(certificate.date, "j F Y")
    line = _("on %(date)s, %(hours)s hours of professional development") % {
        "date": date,
        "hours": _hours(certificate.hours),
    }
    pdf.drawString(25 * mm, height - 140 * mm, line)
    pdf.setFont("Helvetica", 10)
    pdf.setFillColor(colors.HexColor("#444444"))
    pdf.drawString(25 * mm, 16 * mm, _("Verification code: %(code)s") % {"code": certificate.code})
    if verify_url:
        pdf.drawString(25 * mm, 11 * mm, _("Check this certificate at %(url)s") % {"url": verify_url})
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
