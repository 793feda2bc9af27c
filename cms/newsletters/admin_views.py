"""The "send" screen of a newsletter in the Wagtail admin: test mail, send now or at a time, stats."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .forms import ImportSubscribersForm, SendForm, TestSendForm
from .models import NewsletterPage


def admin_header(title: str, subtitle: str, icon: str, trail: list[dict]) -> dict:
    """The context ``wagtailadmin/generic/base.html`` needs for Wagtail's standard header
    (breadcrumbs from the dashboard, title, icon), as the generic admin views give it."""
    return {
        "page_title": title,
        "page_subtitle": subtitle,
        "header_title": f"{title}: {subtitle}" if subtitle else title,
        "header_icon": icon,
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            *trail,
            {"url": "", "label": title, "sublabel": subtitle},
        ],
    }


def send_newsletter(request, page_id: int):
    page = get_object_or_404(NewsletterPage, pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    test_form = TestSendForm(initial={"email": request.user.email}, prefix="test")
    send_form = SendForm(prefix="send")
    if request.method == "POST" and "test" in request.POST:
        test_form = TestSendForm(request.POST, prefix="test")
        if test_form.is_valid():
            draft = page.get_latest_revision_as_object()
            try:
                services.send_test(draft, to=test_form.cleaned_data["email"])
            except services.NewsletterError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("A test has been sent to %(email)s.") % test_form.cleaned_data)
            return redirect(request.path)
    elif request.method == "POST" and "send" in request.POST:
        if not permissions.can_publish():
            raise PermissionDenied
        send_form = SendForm(request.POST, prefix="send")
        if send_form.is_valid():
            try:
                services.schedule_send(
                    page,
                    at=send_form.cleaned_data["scheduled_at"],
                    user=request.user,
                    again=send_form.cleaned_data["again"],
                )
            except services.NewsletterError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The newsletter has been scheduled for sending."))
            return redirect(request.path)
    elif request.method == "POST" and "cancel" in request.POST:
        if not permissions.can_publish():
            raise PermissionDenied
        send = get_object_or_404(page.sends, pk=request.POST.get("cancel"))
        services.cancel_send(send)
        send.refresh_from_db()
        if send.status == send.Status.CANCELLED:
            messages.success(request, _("The scheduled send has been cancelled."))
        else:
            messages.error(request, _("This send has already started and can no longer be cancelled."))
        return redirect(request.path)
    sends = list(page.sends.order_by("-scheduled_at").prefetch_related("links"))
    stats = services.send_stats(s.pk for s in sends)
    for send in sends:
        send.stats = stats.get(send.pk, {})
    return TemplateResponse(
        request,
        "newsletters/admin/send.html",
        {
            "page": page,
            "test_form": test_form,
            "send_form": send_form,
            "sends": sends,
            "audience_count": services.audience(page).count(),
            "can_publish": permissions.can_publish(),
            "now": timezone.now(),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            **admin_header(
                _("Send newsletter"),
                page.title,
                "mail",
                [{"url": reverse("wagtailadmin_pages:edit", args=[page.pk]), "label": page.title}],
            ),
        },
    )


def import_subscribers(request):
    """Import an existing list from CSV (the admin twin of ``manage.py import_subscribers``)."""
    if not request.user.has_perm("newsletters.add_subscriber"):
        raise PermissionDenied
    form = ImportSubscribersForm(user=request.user)
    result = None
    if request.method == "POST":
        form = ImportSubscribersForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            created, updated, errors = services.import_subscribers(
                form.rows, consent=data["consent"], segments=list(data["segments"]), region=data["region"]
            )
            result = {"created": created, "updated": updated, "errors": errors, "consent": data["consent"]}
            form = ImportSubscribersForm(user=request.user)
    return TemplateResponse(
        request,
        "newsletters/admin/import.html",
        {
            "form": form,
            "result": result,
            "listing_url": reverse("wagtailsnippets_newsletters_subscriber:list"),
            **admin_header(
                _("Import subscribers"),
                "",
                "user",
                [
                    {
                        "url": reverse("wagtailsnippets_newsletters_subscriber:list"),
                        "label": _("Newsletter subscribers"),
                    }
                ],
            ),
        },
    )
