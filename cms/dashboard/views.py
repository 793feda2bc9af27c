"""The funders' dashboard in the Wagtail admin: filters, tables, inline SVG bar charts, CSV export."""

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.exports import csv_writer

from . import services

DEFAULT_GROUPS = ("Beheer", "Projectleiders")

#: (Figures attribute, column label, the optional source it needs or "" for the dashboard's own).
METRICS = [
    ("pupils", gettext_lazy("Pupils reached (bookings)"), ""),
    ("classes", gettext_lazy("Classes reached (bookings)"), ""),
    ("schools", gettext_lazy("Schools reached"), ""),
    ("event_registrations", gettext_lazy("Event registrations"), ""),
    ("challenge_teams", gettext_lazy("Challenge teams"), ""),
    ("challenge_pupils", gettext_lazy("Challenge pupils"), ""),
    ("kit_downloads", gettext_lazy("Kit downloads"), "search"),
    ("kits_lent", gettext_lazy("Kits lent"), "loans"),
    ("kit_pupils", gettext_lazy("Pupils reached by lent kits"), "loans"),
    (
        "professionalisation_activities",
        gettext_lazy("Professionalisation activities attended"),
        "professionalisation",
    ),
    ("professionalisation_hours", gettext_lazy("Professionalisation hours"), "professionalisation"),
    ("evaluation_responses", gettext_lazy("Evaluation responses"), "evaluations"),
    ("evaluation_average", gettext_lazy("Average evaluation rating (1-5)"), "evaluations"),
]

#: Metrics shown with one decimal (the others are whole numbers).
DECIMAL_METRICS = {"professionalisation_hours", "evaluation_average"}


def available(data: services.Dashboard) -> set[str]:
    """The optional sources whose figures are in: kit downloads when the search app logs them,
    the others when their app is installed."""
    return set(data.sources) | ({"search"} if data.downloads is not None else set())


def metrics_for(data: services.Dashboard) -> list[tuple[str, str]]:
    """The metrics to show: each optional one only when its source is there."""
    sources = available(data)
    return [(key, label) for key, label, source in METRICS if not source or source in sources]


def value_of(figures: services.Figures, key: str):
    """The figure as the page and the CSV show it: hours and averages with one decimal (a comma in
    Dutch), "—" for an average without ratings."""
    value = getattr(figures, key)
    if key in DECIMAL_METRICS:
        return "—" if value is None else number_format(value, decimal_pos=1)
    return value


def can_view(user) -> bool:
    """Superusers and members of the groups in ``DASHBOARD_GROUPS`` (default Beheer, Projectleiders)."""
    if not user.is_active or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    groups = getattr(settings, "DASHBOARD_GROUPS", DEFAULT_GROUPS)
    return user.groups.filter(name__in=groups).exists()


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def _chart(rows: list[services.Figures], metric: str) -> dict:
    """Bars per period (regions summed; schools as a distinct union), scaled to the largest bar."""
    per_period: dict[str, services.Figures] = defaultdict(lambda: services.Figures(0, "", ""))
    for row in rows:
        per_period[row.period].add(row)
    values = [
        (period, getattr(figures, metric) or 0, value_of(figures, metric))
        for period, figures in sorted(per_period.items())
    ]
    top = max((v for _, v, _shown in values), default=0) or 1
    width = 56
    bars = [
        {
            "label": period,
            "value": shown,
            "x": i * width + 8,
            "height": round(140 * value / top),
            "y": 160 - round(140 * value / top),
        }
        for i, (period, value, shown) in enumerate(values)
    ]
    return {"bars": bars, "width": max(len(bars) * width + 16, 200)}


def dashboard(request: HttpRequest) -> HttpResponse:
    if not can_view(request.user):
        raise PermissionDenied
    granularity = request.GET.get("granularity")
    if granularity not in (services.QUARTER, services.SCHOOL_YEAR):
        granularity = services.QUARTER
    region_id = _int(request.GET.get("region"))
    school_year = _int(request.GET.get("school_year"))
    data = services.compute(granularity=granularity, region_id=region_id, school_year=school_year)
    if request.GET.get("format") == "csv":
        return _csv(data)
    metrics = metrics_for(data)
    keys = [key for key, _label in metrics]
    charts = [{"key": key, "label": label, **_chart(data.rows, key)} for key, label in metrics]
    context = {
        "data": data,
        "metrics": metrics,
        "rows": [(row, [value_of(row, key) for key in keys]) for row in data.rows],
        "totals": [value_of(data.total, key) for key in keys],
        "sources": available(data),
        "charts": charts,
        "regions": [(pk, name) for pk, name in data.regions.items() if pk != services.NO_REGION],
        "school_years": [(y, services.school_year_label(y)) for y in services.school_years_with_data()],
        "selected": {"region": region_id, "school_year": school_year, "granularity": granularity},
        "csv_query": request.GET.copy().urlencode() + ("&" if request.GET else "") + "format=csv",
    }
    return render(request, "dashboard/dashboard.html", context)


def _csv(data: services.Dashboard) -> HttpResponse:
    """The table of the page, one row per region and period, plus the number of distinct events."""
    metrics = metrics_for(data)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dashboard.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv_writer(response, delimiter=";")
    writer.writerow([_("Region"), _("Period"), *[str(label) for _key, label in metrics], _("Events")])
    for row in data.rows:
        writer.writerow(
            [row.region, row.period, *[value_of(row, key) for key, _label in metrics], row.events]
        )
    total = data.total
    writer.writerow([_("Total"), "", *[value_of(total, key) for key, _label in metrics], total.events])
    return response
