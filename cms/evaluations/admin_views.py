"""Evaluation results in the Wagtail admin: per offering/event and period, per question, CSV export.

Who sees what follows :func:`cms.snippets.regions.covered_region_ids` (the one rule for regional
data): Beheer and superusers see every region, a regional role its own regions.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from cms.exports import UTF8_BOM, DutchExcel, csv_writer
from cms.snippets.models import Region
from cms.snippets.regions import covered_region_ids

from . import results
from .models import Response, kind_choices


def can_view(user) -> bool:
    if not (user.is_active and user.is_authenticated):
        return False
    covered = covered_region_ids(user)
    return covered is None or bool(covered)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _selection(request: HttpRequest) -> tuple[dict, QuerySet[Response]]:
    if not can_view(request.user):
        raise PermissionDenied
    covered = covered_region_ids(request.user)
    regions = Region.objects.all() if covered is None else Region.objects.filter(pk__in=covered)
    region_ids = None if covered is None else list(covered)
    region = request.GET.get("region", "")
    if region.isdigit() and regions.filter(pk=int(region)).exists():
        region_ids = [int(region)]
    kinds = dict(kind_choices())
    kind = request.GET.get("kind", "")
    kind = kind if kind in kinds else ""
    start, end = _date(request.GET.get("start")), _date(request.GET.get("end"))
    subject = request.GET.get("subject", "")[:60]
    found = results.responses(
        region_ids=region_ids, start=start, end=end, kind=kind or None, subject_key=subject or None
    )
    selected = {
        "region": int(region) if region_ids and len(region_ids) == 1 and region.isdigit() else None,
        "kind": kind,
        "start": start,
        "end": end,
        "subject": subject,
    }
    return {"regions": regions, "kinds": kinds, "selected": selected}, found


def index(request: HttpRequest) -> HttpResponse:
    context, found = _selection(request)
    subjects = results.subject_summaries(found)
    context.update(
        subjects=subjects,
        total=sum(s.responses for s in subjects),
        query=request.GET.urlencode(),
    )
    return render(request, "evaluations/admin/index.html", context)


def subject(request: HttpRequest) -> HttpResponse:
    context, found = _selection(request)
    if not context["selected"]["subject"]:
        raise PermissionDenied
    summary = next(iter(results.subject_summaries(found)), None)
    context.update(summary=summary, questions=results.question_results(found), query=request.GET.urlencode())
    return render(request, "evaluations/admin/subject.html", context)


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    _context, found = _selection(request)
    writer = csv_writer(_Echo(), dialect=DutchExcel)

    def rows():
        yield UTF8_BOM
        yield writer.writerow(results.CSV_HEADER)
        for row in results.csv_rows(found):
            yield writer.writerow(row)

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="evaluaties-{stamp}.csv"'
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value
