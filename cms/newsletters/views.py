"""Public subscriber pages: subscribe, confirm, preferences, (one-click) unsubscribe."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from cms import ratelimit
from cms.errors import TooManyRequests

from . import clicks, services
from .forms import PreferencesForm, SubscribeForm
from .models import Subscriber
from .tokens import make_preferences_token


def too_many_attempts() -> str:
    return _("Too many subscription attempts from your network. Please try again in a few minutes.")


def request_base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def site_region(request: HttpRequest):
    site = Site.find_for_request(request)
    return getattr(site, "region", None) if site else None


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        try:
            ratelimit.check(request, "newsletters.subscribe", too_many_attempts())
        except TooManyRequests as refusal:
            form.add_error(None, refusal.message)
            return render(request, "newsletters/subscribe.html", {"form": form}, status=refusal.status)
        if form.is_valid():
            data = form.cleaned_data
            services.subscribe(
                email=data["email"],
                name=data["name"],
                segments=data["segments"],
                region=data["region"] or site_region(request),
                source=Subscriber.Source.FORM,
                base_url=request_base_url(request),
            )
            return render(request, "newsletters/subscribe_done.html", {"email": data["email"]})
    else:
        region = site_region(request)
        form = SubscribeForm(initial={"region": region.slug if region else None})
    return render(request, "newsletters/subscribe.html", {"form": form}, status=400 if form.errors else 200)


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.confirm(token)
    except services.AlreadyConfirmed as error:
        return render(request, "newsletters/message.html", {"message": str(error)})
    except services.InvalidToken as error:
        return render(request, "newsletters/message.html", {"message": str(error)}, status=400)
    return render(
        request,
        "newsletters/confirmed.html",
        {"subscriber": subscriber, "preferences_token": make_preferences_token(subscriber.pk)},
    )


@csrf_exempt  # RFC 8058: mail providers POST here without a session or CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button (link scanners must not unsubscribe anyone); POST unsubscribes."""
    try:
        subscriber, _delivery_id = services.subscriber_for_unsubscribe_token(token)
    except services.InvalidToken as error:
        return render(request, "newsletters/message.html", {"message": str(error)}, status=400)
    if request.method == "POST":
        services.unsubscribe_by_token(token)
        return render(request, "newsletters/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletters/unsubscribe.html", {"subscriber": subscriber})


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.subscriber_for_preferences_token(token)
    except services.InvalidToken as error:
        return render(request, "newsletters/message.html", {"message": str(error)}, status=400)
    saved = False
    if request.method == "POST" and "unsubscribe" in request.POST:
        services.unsubscribe(subscriber)
        return render(request, "newsletters/unsubscribed.html", {"subscriber": subscriber})
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.update_preferences(
                subscriber,
                name=form.cleaned_data["name"],
                segments=form.cleaned_data["segments"],
                region=form.cleaned_data["region"],
            )
            saved = True
    else:
        form = PreferencesForm(
            initial={
                "name": subscriber.name,
                "segments": [s.slug for s in subscriber.segments.all()],
                "region": subscriber.region.slug if subscriber.region else None,
            }
        )
    return render(
        request,
        "newsletters/preferences.html",
        {"form": form, "subscriber": subscriber, "saved": saved, "token": token},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET"])
def click(request: HttpRequest, token: str) -> HttpResponse:
    """A link in a sent newsletter: count it (per link, not per person) and go on to the target."""
    url = clicks.follow(token)
    if url is None:
        raise Http404
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "no-store"
    return response
