"""Counting downloads that came from a search result (the link carries the search and the position)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

from cms.pages.models import LessonKitDownload

from . import services
from .models import SearchClick


def counts_download(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a download view (``download_id`` or ``page_id``): a served file from a search is a click."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and services.LOG_PARAM in request.GET:
            kit_id = kwargs.get("page_id")
            if kit_id is None:
                kit_id = (
                    LessonKitDownload.objects.filter(pk=kwargs["download_id"])
                    .values_list("page_id", flat=True)
                    .first()
                )
            services.record_click(request, kit_id, SearchClick.Kind.DOWNLOAD)
        return response

    return wrapper
