from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from wagtail.models import Page

from .preview import front_end_preview_url, make_preview_token, max_age


def preview_token(request, page_id: int):
    """A fresh headless preview token, for editors who may edit the page: with ``?open=1`` (the
    "Headless preview" button) straight to the front end's preview, else as JSON."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    token = make_preview_token(page)
    front_end = front_end_preview_url(token)
    if request.GET.get("open") and front_end:
        return redirect(front_end)
    return JsonResponse(
        {
            "token": token,
            "url": f"/api/v3/preview/?token={token}",
            "front_end_url": front_end,
            "expires_in": max_age(),
        }
    )
