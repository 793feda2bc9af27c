"""The API v3 document and image endpoints apply :mod:`cms.files.visibility`.

Wagtail's v3 routers build the querysets of their list (with search) and detail endpoints in one
module-level function each and offer no hook for it; wrapping that function narrows both endpoints
at once. Imported from ``FilesConfig.ready()``: the routers exist only once wagtail.documents and
wagtail.images are ready.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.documents.api.v3 import router as documents_router
from wagtail.images.api.v3 import router as images_router

from .visibility import files_visible_to

QuerysetFunction = Callable[[HttpRequest], QuerySet]


def _visible_only(get_queryset: QuerysetFunction) -> QuerysetFunction:
    if getattr(get_queryset, "applies_file_visibility", False):
        return get_queryset

    def get_visible_queryset(request: HttpRequest) -> QuerySet:
        # select_related: Wagtail's schemas read each file's collection (a query per item otherwise).
        return files_visible_to(request.user, get_queryset(request)).select_related("collection")

    get_visible_queryset.applies_file_visibility = True  # type: ignore[attr-defined]
    return get_visible_queryset


def restrict_file_endpoints() -> None:
    """Narrow ``/api/v3/documents/`` and ``/api/v3/images/`` to the files the client may see (idempotent)."""
    documents_router.get_documents_queryset = _visible_only(documents_router.get_documents_queryset)
    images_router.get_images_queryset = _visible_only(images_router.get_images_queryset)
