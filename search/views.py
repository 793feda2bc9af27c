"""The server-rendered databank search page and the counted download endpoints."""

from __future__ import annotations

import tempfile
import zipfile

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cms.pages.models.lessonkit import LessonKitDownload
from cms.pages.services import site_for_request

from . import presentation, services
from .api import params_from_querydict
from .backends.base import InvalidSearchParams, SearchParams
from .facets import SORTS
from .materials import searchable_kits
from .signals import download_served

SORT_LABELS = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "downloads": _("Most downloaded"),
    "title": _("Title"),
}


@require_GET
def databank_search(request: HttpRequest) -> HttpResponse:
    """Search box, facets with counts, removable filter chips and result cards; a plain GET form that
    JavaScript (static/js/databank.js) enhances with suggestions, instant filters and a filter drawer."""
    status, errors = 200, {}
    try:
        params = params_from_querydict(request.GET)
    except InvalidSearchParams as invalid:
        status, errors = 400, invalid.errors
        params = SearchParams(q=request.GET.get("q", "")).validate()
    results = services.search(params, site=site_for_request(request))
    chips = presentation.active_filter_chips(results, request.GET)
    context = {
        "results": results,
        "params": params,
        "cards": presentation.result_cards(results, request),
        "facet_groups": presentation.facet_groups(results),
        "chips": chips,
        "clear_filters_url": presentation.url_without_filters(request.GET),
        "clear_query_url": presentation.url_without_query(request.GET),
        "errors": errors,
        "page_numbers": range(max(1, params.page - 2), min(results.num_pages, params.page + 2) + 1),
        "sorts": [(value, SORT_LABELS[value]) for value in SORTS if value != "relevance" or params.q],
    }
    return render(request, "search/databank_search.html", context, status=status)


def download_file(request: HttpRequest, download_id: int) -> FileResponse:
    """One file of a live, public kit, counted for the kit and always served as an attachment."""

    download = get_object_or_404(
        LessonKitDownload.objects.select_related("document"), pk=download_id, page__in=searchable_kits()
    )
    document = download.document
    document.file.open("rb")
    response = FileResponse(document.file, as_attachment=True, filename=document.filename)
    services.record_download(download.page_id, as_zip=False, document_id=download.document_id)
    download_served.send(sender=LessonKitDownload, request=request, kit_id=download.page_id)
    return response


def download_kit_zip(request: HttpRequest, page_id: int) -> FileResponse:
    """All files of a live, public kit in one ZIP, counted once for the kit."""
    kit = get_object_or_404(searchable_kits().prefetch_related("downloads__document"), pk=page_id)
    archive_file = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
    used: set[str] = set()
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for download in kit.downloads.all():
            name = download.document.filename
            stem, dot, ext = name.rpartition(".")
            n = 1
            while name in used:
                n += 1
                name = f"{stem}-{n}{dot}{ext}"
            used.add(name)
            with download.document.open_file() as source:
                archive.writestr(name, source.read())
    archive_file.seek(0)
    services.record_download(kit.pk, as_zip=True)
    download_served.send(sender=LessonKitDownload, request=request, kit_id=kit.pk)
    return FileResponse(
        archive_file,
        as_attachment=True,
        filename=f"{slugify(kit.title) or kit.pk}.zip",
        content_type="application/zip",
    )
