"""Doors to documents and images in Wagtail's views.

- The document serve view (``/documents/<id>/<file>``) applies :mod:`cms.files.visibility`. Images
  have no serve view here (none is mounted); their renditions are handed out only by the API fields
  of public pages.
- The admin choosers list only files the editor may download: files in a collection with a view
  restriction the editor does not pass (the contributions collection, readable by reviewer roles
  only) stay out of the chooser lists and their search. Wagtail's own collection rule decides, the
  same one its serve view and API apply.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from wagtail import hooks
from wagtail.api.v3.permissions import get_restricted_collection_ids

from .visibility import is_visible_to


@hooks.register("before_serve_document")
def hide_files_of_hidden_pages(document, request: HttpRequest) -> None:
    if not is_visible_to(request.user, document):
        raise Http404


@hooks.register("construct_document_chooser_queryset")
@hooks.register("construct_image_chooser_queryset")
def hide_files_of_private_collections(files: QuerySet, request: HttpRequest) -> QuerySet:
    return files.exclude(collection__in=get_restricted_collection_ids(request))
