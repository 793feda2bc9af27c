"""The milestone pages in the admin: progress per region, import with a preview, export with figures."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cms.dashboard import services as dashboard
from cms.exports import UTF8_BOM, DutchExcel, csv_writer, xlsx_bytes

from . import imports, report, services
from .forms import ImportForm
from .models import Milestone
from .permissions import scoped, scoped_regions

SESSION_KEY = "milestones_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_view(user) -> bool:
    return user.is_active and user.has_perm("milestones.view_milestone")


def can_import(user) -> bool:
    return (
        user.is_active
        and user.has_perm("milestones.add_milestone")
        and user.has_perm("milestones.change_milestone")
    )


def _region(request: HttpRequest):
    regions = scoped_regions(request.user)
    selected = request.GET.get("region")
    region = regions.filter(pk=selected).first() if selected and selected.isdigit() else None
    return regions, region or regions.first()


def progress(request: HttpRequest) -> HttpResponse:
    if not can_view(request.user):
        raise PermissionDenied
    regions, region = _region(request)
    milestones = (
        scoped(request.user, Milestone.objects.filter(region=region))
        .select_related("programme_line", "evidence")
        .prefetch_related("offerings", "techniekhuizen")
    )
    rows = services.progress_of(milestones)
    if request.GET.get("format") in ("csv", "xlsx"):
        return export(rows, region, request.GET["format"])
    reach = dashboard.compute(granularity=dashboard.QUARTER, region_id=region.pk) if region else None
    lines: dict = {}
    for row in rows:
        lines.setdefault(row.milestone.programme_line, []).append(row)
    context = {
        "regions": regions,
        "region": region,
        "lines": list(lines.items()),
        "today": timezone.localdate(),
        "can_import": can_import(request.user),
        "chart": [
            {"code": r.milestone.code, "percentage": r.percentage or 0, "status": r.status}
            for r in rows
            if r.milestone.is_measured
        ],
        "reach": reach.rows if reach else [],
        "reach_chart": _reach_chart(reach) if reach else None,
    }
    return render(request, "milestones/progress.html", context)


REACH_SERIES = (
    ("classes", gettext_lazy("Classes reached")),
    ("schools", gettext_lazy("Schools reached")),
    ("event_registrations", gettext_lazy("Event registrations")),
)


def _reach_chart(data: dashboard.Dashboard) -> dict:
    return {
        "periods": [row.period for row in data.rows],
        "series": [
            {"label": str(label), "values": [getattr(row, key) for row in data.rows]}
            for key, label in REACH_SERIES
        ],
    }


def export_rows(rows: list[services.Progress]) -> list[list]:
    """The plan's table with the figures: one row per milestone after a header row."""
    table = [
        [
            _("Nr."),
            _("Beschrijving mijlpaal"),
            _("Behaald"),
            _("Programme line"),
            _("Responsible partner"),
            _("Indicator"),
            _("Target"),
            _("Figure"),
            _("Percentage"),
            _("Status"),
            _("Note"),
        ]
    ]
    for row in rows:
        m = row.milestone
        table.append(
            [
                m.code,
                m.text,
                str(m.due),
                str(m.programme_line or ""),
                m.responsible_partner,
                m.indicator,
                row.target if row.target is not None else "",
                _number(row.value),
                row.percentage if row.percentage is not None else "",
                row.status_label,
                m.note,
            ]
        )
    return table


def _number(value: float | None):
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else round(value, 1)


def export(rows: list[services.Progress], region, fmt: str) -> HttpResponse:
    name = f"mijlpalen-{region.slug if region else 'regio'}-{timezone.localdate():%Y-%m-%d}"
    table = export_rows(rows)
    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes([(_("Milestones"), table)]), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write(UTF8_BOM)
    csv_writer(response, dialect=DutchExcel).writerows(table)
    return response


def import_upload(request: HttpRequest) -> HttpResponse:
    """Step 1: upload; the preview shows every row with its problems before anything is saved."""
    if not can_import(request.user):
        raise PermissionDenied
    regions = scoped_regions(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, regions=regions)
    rows = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        region = form.cleaned_data["region"]
        try:
            rows = imports.parse(upload.name, upload.read(), region)
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            request.session[SESSION_KEY] = {
                "region": region.pk,
                "start_date": form.cleaned_data["start_date"].isoformat(),
                "rows": [{"number": r.number, "values": r.values} for r in rows],
            }
    context = {
        "form": form,
        "rows": rows,
        "errors": [r for r in rows or [] if not r.ok],
        "region": form.cleaned_data.get("region") if rows is not None else None,
    }
    return render(request, "milestones/import.html", context)


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Step 2: save the previewed table (checked again: the plan may have changed meanwhile)."""
    if not can_import(request.user):
        raise PermissionDenied
    pending = request.session.get(SESSION_KEY)
    region = scoped_regions(request.user).filter(pk=(pending or {}).get("region")).first()
    if not pending or region is None:
        messages.error(request, _("There is no table to import; upload it again."))
        return redirect("milestones:import")
    rows = imports.rows_from(pending["rows"], region)
    if any(not row.ok for row in rows):
        messages.error(request, _("The table has errors; upload a corrected file."))
        return redirect("milestones:import")
    created, updated = imports.save(rows, region, imports.date_from(pending["start_date"]))
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("%(created)s milestones added and %(updated)s updated for %(region)s.")
        % {"created": created, "updated": updated, "region": region},
    )
    return redirect(f"{reverse('milestones:progress')}?region={region.pk}")


def report_view(request: HttpRequest) -> HttpResponse:
    """The funder's report for a region and school year: a choice page, PDF and XLSX."""
    if not can_view(request.user):
        raise PermissionDenied
    regions, region = _region(request)
    years = dashboard.school_years_with_data()
    year = request.GET.get("school_year", "")
    school_year = int(year) if year.isdigit() and int(year) in years else years[0]
    fmt = request.GET.get("format")
    if region is not None and fmt in ("pdf", "xlsx"):
        data = report.build(region, school_year)
        name = f"voortgang-{region.slug}-{dashboard.school_year_label(school_year)}"
        if fmt == "pdf":
            response = HttpResponse(report.pdf(data), content_type="application/pdf")
        else:
            response = HttpResponse(report.xlsx(data), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        return response
    context = {
        "regions": regions,
        "region": region,
        "school_years": [(y, dashboard.school_year_label(y)) for y in years],
        "school_year": school_year,
    }
    return render(request, "milestones/report.html", context)
