from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms import ratelimit
from cms.errors import DomainError

from .contributions import submit_contribution
from .forms import ContributionForm


def too_many_submissions() -> str:
    return _("Too many submissions from your address. Please try again later.")


@require_http_methods(["GET", "POST"])
def contribute(request):
    """Public, login-free form where teachers share lesson material."""
    if request.method == "POST":
        form = ContributionForm(request.POST, request.FILES)
        try:
            ratelimit.check(request, "editorial.contributions", too_many_submissions())
            if form.is_valid():
                submit_contribution(form.to_data())
                return redirect("editorial:contribute_thanks")
            status = 400
        except DomainError as error:  # too many attempts (429) or a refused contribution (400)
            form.add_error(None, error.message)
            status = error.status
        return render(request, "editorial/contribute.html", {"form": form}, status=status)
    return render(request, "editorial/contribute.html", {"form": ContributionForm()})


def contribute_thanks(request):
    return render(request, "editorial/contribute_thanks.html")
