"""The page side of the participation forms: one way to take a POSTed form to its service."""

from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest

from cms import ratelimit
from cms.errors import TooManyRequests

from .forms import ParticipationForm

T = TypeVar("T")


def submit(
    request: HttpRequest,
    form: ParticipationForm,
    scope: str,
    save: Callable[[ParticipationForm], T],
    refusals: type[Exception],
) -> tuple[T | None, int]:
    """The rate limit of ``scope``, the form's rules, then ``save(form)`` (the service call).

    Returns ``(what save returned, 200)``, or ``(None, status)`` with the reason on the form: 429
    for too many attempts (a form-wide error), 400 for the form's errors or a service's refusal
    (one of ``refusals``, shown on its field).
    """
    try:
        ratelimit.check(request, scope)
        if form.is_valid():
            return save(form), 200
    except TooManyRequests as refusal:
        form.add_error(None, refusal.message)
        return None, refusal.status
    except refusals as error:
        form.add_domain_error(error)
    return None, 400
