"""The public evaluation form and its opt-out page, opened by the signed link from the mail (thin views)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms import ratelimit
from cms.errors import TooManyRequests

from . import services
from .forms import EvaluationForm


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_for_token(token)
    except services.EvaluationError as error:
        return render(request, "evaluations/answer.html", {"error": error.message}, status=400)
    context = {"invitation": invitation, "question_set": invitation.question_set}
    if invitation.answered_on is not None:
        return render(request, "evaluations/answer.html", {**context, "already_answered": True})
    questions = services.questions_of(invitation)
    status = 200
    if request.method == "POST":
        form = EvaluationForm(questions, request.POST)
        try:
            ratelimit.check(request, "evaluations.answers")
            if form.is_valid():
                services.submit_response(
                    token, form.answers(), share_identity=form.cleaned_data["share_identity"]
                )
                return render(request, "evaluations/answer.html", {**context, "thanks": True})
            status = 400
        except TooManyRequests as refusal:
            form.add_error(None, refusal.message)
            status = refusal.status
        except services.AlreadyAnswered:
            return render(
                request, "evaluations/answer.html", {**context, "already_answered": True}, status=409
            )
        except services.EvaluationError as error:
            form.add_error(None, error.message)
            status = 400
    else:
        form = EvaluationForm(questions)
    return render(request, "evaluations/answer.html", {**context, "form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def opt_out(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (mail scanners follow links); only POST records the opt-out."""
    try:
        invitation = services.invitation_for_token(token)
    except services.EvaluationError as error:
        return render(request, "evaluations/opt_out.html", {"error": error.message}, status=400)
    if request.method == "POST":
        services.opt_out_with_token(token)
        return render(request, "evaluations/opt_out.html", {"invitation": invitation, "done": True})
    return render(request, "evaluations/opt_out.html", {"invitation": invitation})
