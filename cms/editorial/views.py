from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .contributions import ContributionError, submit_contribution
from .forms import ContributionForm
from .ratelimit import allow_contribution


@require_http_methods(["GET", "POST"])
def contribute(request):
    """Public, login-free form where teachers share lesson material."""
    if request.method == "POST":
        form = ContributionForm(request.POST, request.FILES)
        if not allow_contribution(request):
            form.add_error(None, _("Too many submissions from your address. Please try again later."))
            return render(request, "editorial/contribute.html", {"form": form}, status=429)
        if form.is_valid():
            try:
                submit_contribution(form.to_data())
            except ContributionError as error:
                form.add_error(None, str(error))
            else:
                return redirect("editorial:contribute_thanks")
        return render(request, "editorial/contribute.html", {"form": form}, status=400)
    return render(request, "editorial/contribute.html", {"form": ContributionForm()})


def contribute_thanks(request):
    return render(request, "editorial/contribute_thanks.html")
