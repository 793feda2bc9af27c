"""The loan desk in the Wagtail admin: day list per pick-up point, check-out/in by inventory
number (typed or scanned), out of service, and the A4 sheet of QR-code labels for the copies."""

import datetime as dt
import io

import segno
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from . import services
from .forms import InventoryNumberForm
from .modeladmin import coordinated_point_ids, may_work_loans
from .models import Copy, PickupPoint

#: A common A4 label sheet: 3 columns x 8 rows of 70 x 37 mm.
LABEL_COLUMNS, LABEL_ROWS = 3, 8
LABEL_WIDTH, LABEL_HEIGHT = 70 * mm, 37 * mm


def _points(request: HttpRequest):
    if not may_work_loans(request.user):
        raise PermissionDenied
    ids = coordinated_point_ids(request.user)
    points = PickupPoint.objects.all()
    return points if ids is None else points.filter(pk__in=ids)


def desk(request: HttpRequest) -> HttpResponse:
    points = _points(request)
    point = points.filter(pk=request.GET.get("point") or 0).first() or points.first()
    day = parse_date(request.GET.get("day", "") or "") or timezone.localdate()
    form = InventoryNumberForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        scope = [p.pk for p in points]
        action = request.POST.get("action")
        try:
            if action == "check_out":
                loan = services.check_out(data["inventory_number"], pickup_point_ids=scope)
                result = _("Checked out: %(number)s to %(school)s, return by %(date)s.") % {
                    "number": loan.copy.inventory_number,
                    "school": loan.school.name,
                    "date": loan.return_date.strftime("%d-%m-%Y"),
                }
            elif action == "check_in":
                loan = services.check_in(
                    data["inventory_number"],
                    pupils_reached=data.get("pupils_reached"),
                    damage=data.get("damage", ""),
                    out_of_service=data.get("out_of_service", False),
                    pickup_point_ids=scope,
                )
                result = _("Checked in: %(number)s from %(school)s.") % {
                    "number": loan.copy.inventory_number,
                    "school": loan.school.name,
                }
            elif action == "out_of_service":
                copy = services.copy_by_number(data["inventory_number"], scope)
                outcome = services.put_out_of_service(copy.pk, reason=data.get("damage", ""))
                result = _(
                    "Out of service: %(number)s; %(moved)s loan(s) moved, %(cancelled)s cancelled."
                ) % {
                    "number": copy.inventory_number,
                    "moved": len(outcome.moved),
                    "cancelled": len(outcome.cancelled),
                }
            elif action == "in_service":
                copy = services.copy_by_number(data["inventory_number"], scope)
                offered = services.put_in_service(copy.pk)
                result = _("Back in service: %(number)s; %(n)s waiting-list offer(s) sent.") % {
                    "number": copy.inventory_number,
                    "n": len(offered),
                }
            form = InventoryNumberForm()
        except services.LoanError as error:
            form.add_error("inventory_number", error.message)
    context = {
        "points": points,
        "point": point,
        "day": day,
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1),
        "lists": services.day_list(point, day) if point else None,
        "form": form,
        "result": result,
    }
    return TemplateResponse(request, "loans/admin/desk.html", context)


def labels(request: HttpRequest, point_id: int) -> HttpResponse:
    """A PDF of QR-code labels (the inventory number, the kit's title) for every copy at a pick-up point."""
    point = get_object_or_404(_points(request), pk=point_id)
    copies = Copy.objects.filter(pickup_point=point).select_related("item").order_by("inventory_number")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(_("Labels %(point)s") % {"point": point.name})
    width, height = A4
    left = (width - LABEL_COLUMNS * LABEL_WIDTH) / 2
    top = height - (height - LABEL_ROWS * LABEL_HEIGHT) / 2
    for index, copy in enumerate(copies):
        slot = index % (LABEL_COLUMNS * LABEL_ROWS)
        if index and slot == 0:
            pdf.showPage()
        column, row = slot % LABEL_COLUMNS, slot // LABEL_COLUMNS
        x, y = left + column * LABEL_WIDTH, top - (row + 1) * LABEL_HEIGHT
        png = io.BytesIO()
        segno.make(copy.inventory_number, error="m").save(png, kind="png", scale=4, border=1)
        png.seek(0)
        size = LABEL_HEIGHT - 6 * mm
        pdf.drawImage(ImageReader(png), x + 3 * mm, y + 3 * mm, size, size)
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(x + size + 6 * mm, y + LABEL_HEIGHT - 10 * mm, copy.inventory_number)
        pdf.setFont("Helvetica", 7)
        title = copy.item.title
        for line_no, start in enumerate(range(0, min(len(title), 90), 30)):
            pdf.drawString(
                x + size + 6 * mm, y + LABEL_HEIGHT - (15 + 4 * line_no) * mm, title[start : start + 30]
            )
        pdf.drawString(x + size + 6 * mm, y + 5 * mm, point.name[:30])
    pdf.save()
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="labels-{point.pk}.pdf"'
    return response
