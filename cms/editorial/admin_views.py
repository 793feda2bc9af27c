from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from .preview import make_preview_token, max_age


def preview_token(request, page_id: int):
    """JSON with a fresh headless preview token, for editors who may edit the page."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    token = make_preview_token(page)
    return JsonResponse({"token": token, "url": f"/api/v3/preview/?token={token}", "expires_in": max_age()})
