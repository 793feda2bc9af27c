"""Public pages: ask for the record link, the record itself (magic link), certificate downloads, the
verification of a certificate by its code, and the school's overview of its consenting teachers
(magic link to the school's contact). Thin views over :mod:`.services`."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cms import ratelimit
from cms.errors import TooManyRequests

from . import services
from .forms import ConsentForm, RecordLinkForm, SchoolLinkForm


def _ask_for_link(request: HttpRequest, form, rate: str, send, template: str) -> HttpResponse:
    """A rate-limited form that mails a link; the answer never tells whether there was anyone to mail."""
    sent = False
    status = 200
    if request.method == "POST":
        try:
            ratelimit.check(request, rate)
            if form.is_valid():
                send(form)
                sent = True
            else:
                status = 400
        except TooManyRequests as refusal:
            form.add_error(None, refusal.message)
            status = refusal.status
    return render(request, template, {"form": form, "sent": sent}, status=status)


@require_http_methods(["GET", "POST"])
def ask_link(request: HttpRequest) -> HttpResponse:
    """Always the same answer, so the form never tells whether an address has a record."""
    return _ask_for_link(
        request,
        RecordLinkForm(request.POST or None),
        "professionalisation.record_link",
        lambda form: services.send_record_link(form.cleaned_data["email"]),
        "professionalisation/ask_link.html",
    )


def _record(token: str):
    return services.record_for(services.email_for_token(token))


@require_http_methods(["GET", "POST"])
def record(request: HttpRequest, token: str) -> HttpResponse:
    try:
        teacher = _record(token)
    except services.InvalidRecordLink as error:
        return render(request, "professionalisation/record.html", {"error": error.message}, status=400)
    status = 200
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            services.set_consent(teacher.email, form.cleaned_data["school"])
            return redirect("professionalisation:record", token)
        status = 400
    else:
        form = ConsentForm(initial={"school": teacher.consent.school if teacher.consent else None})
    context = {"record": teacher, "token": token, "form": form}
    response = render(request, "professionalisation/record.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def download(request: HttpRequest, token: str, code: str) -> HttpResponse:
    try:
        teacher = _record(token)
    except services.InvalidRecordLink:
        raise Http404 from None
    certificate = next((c for c in teacher.certificates if c.code == code), None)
    if certificate is None:
        raise Http404
    response = HttpResponse(services.render_certificate(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def download_all(request: HttpRequest, token: str) -> HttpResponse:
    try:
        teacher = _record(token)
    except services.InvalidRecordLink:
        raise Http404 from None
    response = HttpResponse(services.certificates_zip(teacher), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="certificaten.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def verify(request: HttpRequest, code: str = "") -> HttpResponse:
    code = (code or request.GET.get("code", ""))[:20]
    certificate = services.certificate_by_code(code) if code else None
    status = 404 if code and certificate is None else 200
    context = {"certificate": certificate, "code": code, "not_found": status == 404}
    response = render(request, "professionalisation/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def school_ask_link(request: HttpRequest) -> HttpResponse:
    """The link goes to the contact address the region recorded for the school, never to the one
    who asks; the answer is the same whether the school has a contact address or not."""
    return _ask_for_link(
        request,
        SchoolLinkForm(request.POST or None),
        "professionalisation.school_link",
        lambda form: services.send_school_link(form.cleaned_data["brin_code"]),
        "professionalisation/school_ask_link.html",
    )


@require_GET
def school(request: HttpRequest, token: str) -> HttpResponse:
    try:
        school = services.school_for_token(token)
    except services.InvalidSchoolLink as error:
        response = render(request, "professionalisation/school.html", {"error": error.message}, status=400)
    else:
        context = {
            "school": school,
            "teachers": services.school_totals(school),
            "unshared": services.unshared_teacher_count(school),
            "unshared_exact_from": services.UNSHARED_EXACT_FROM,
        }
        response = render(request, "professionalisation/school.html", context)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
