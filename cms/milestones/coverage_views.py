"""Coverage pages: the region's schools x worlds matrix and a school's page (admin), and the
school's own page and PDF behind a signed link (public, no account)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.dashboard import services as dashboard
from cms.signed_links import InvalidLink
from cms.snippets.models import School

from . import coverage, coverage_pdf
from .permissions import covers
from .tokens import make_coverage_token, read_coverage_token
from .views import _region, can_view


def region_matrix(request: HttpRequest) -> HttpResponse:
    if not can_view(request.user):
        raise PermissionDenied
    regions, region = _region(request)
    years = dashboard.school_years_with_data()
    year = request.GET.get("school_year", "")
    school_year = int(year) if year.isdigit() and int(year) in years else None
    matrix = coverage.region_matrix(region.pk, school_year) if region else None
    context = {
        "regions": regions,
        "region": region,
        "matrix": matrix,
        "school_years": [(y, dashboard.school_year_label(y)) for y in years],
        "school_year": school_year,
        "chart": {
            "worlds": [w.name for w in matrix.worlds],
            "schools": [school.name for school, _counts in matrix.rows],
            "counts": [counts for _school, counts in matrix.rows],
            "label": _("Schools whose classes met the world"),
        }
        if matrix
        else None,
    }
    return render(request, "milestones/coverage_matrix.html", context)


def school_admin(request: HttpRequest, school_id: int) -> HttpResponse:
    if not can_view(request.user):
        raise PermissionDenied
    school = get_object_or_404(School, pk=school_id)
    if not covers(request.user, school.region_id):
        raise Http404
    link = request.build_absolute_uri(reverse("coverage:school", args=[make_coverage_token(school.pk)]))
    context = {"coverage": coverage.school_coverage(school), "link": link, "admin": True}
    return render(request, "milestones/coverage_school_admin.html", context)


def _school_from(token: str) -> School:
    try:
        return get_object_or_404(School, pk=read_coverage_token(token))
    except InvalidLink:
        raise Http404 from None


@never_cache
def school_public(request: HttpRequest, token: str) -> HttpResponse:
    school = _school_from(token)
    context = {"coverage": coverage.school_coverage(school), "token": token}
    response = render(request, "milestones/coverage_school.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def school_public_pdf(request: HttpRequest, token: str) -> HttpResponse:
    school = _school_from(token)
    response = HttpResponse(
        coverage_pdf.pdf(coverage.school_coverage(school)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="dekking-{school.brin_code}.pdf"'
    return response
