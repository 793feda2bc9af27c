"""Wagtail's document serve view (``/documents/<id>/<file>``) applies :mod:`cms.files.visibility`.

Images have no serve view here (none is mounted); their renditions are handed out only by the API
fields of public pages.
"""

from django.http import Http404, HttpRequest
from wagtail import hooks

from .visibility import is_visible_to


@hooks.register("before_serve_document")
def hide_files_of_hidden_pages(document, request: HttpRequest) -> None:
    if not is_visible_to(request.user, document):
        raise Http404
