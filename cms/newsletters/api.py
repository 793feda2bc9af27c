"""POST /api/v3/newsletters/subscribe: the API twin of the subscribe form (double opt-in).

The body is validated by :class:`~cms.newsletters.forms.SubscribeForm`, not by the schema, so
API clients get the same (Dutch) messages as the form.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from cms import ratelimit
from cms.api.errors import ProblemSchema, invalid_form
from cms.api.examples import openapi_examples
from cms.api.routers import register_router
from cms.api.schema_types import StrictBody

from . import api_examples as examples
from . import services
from .forms import SubscribeForm
from .models import Subscriber
from .views import request_base_url, site_region, too_many_attempts

router = Router(tags=["newsletters"])


class SubscribeIn(StrictBody):
    email: str = Field("", description="The address to subscribe; a confirmation mail is sent to it.")
    name: str = ""
    segments: list[str] = Field(default_factory=list, description="Slugs of mailing lists.")
    region: str | None = Field(None, description="Region slug; defaults to the site's region.")
    consent: bool = Field(False, description="Must be true: the person asked for the newsletter.")
    website: str = Field("", description="Honeypot: leave empty (a filled-in value is refused).")


class SubscribeOut(Schema):
    status: str
    message: str


@router.post(
    "/subscribe",
    response={202: SubscribeOut, 400: ProblemSchema, 429: ProblemSchema},
    summary="Subscribe to the newsletter",
    operation_id="newsletters_subscribe",
    openapi_extra=openapi_examples(request=examples.SUBSCRIBE_REQUEST, responses={202: examples.SUBSCRIBED}),
    description=(
        "Starts double opt-in: the address gets a mail with a confirmation link and only receives "
        "newsletters after following it. The answer is the same for new and existing addresses. "
        "Attempts are limited per client address (429 with `Retry-After` when exceeded); one "
        "address gets a few confirmation mails per hour at most (further attempts get the same "
        "202 and no mail). Errors are "
        "`application/problem+json`; a 400 lists a message per field in `errors`."
    ),
)
def subscribe(request: HttpRequest, payload: SubscribeIn):
    ratelimit.check(request, "newsletters.subscribe", too_many_attempts())
    data = payload.dict()
    form = SubscribeForm(
        {
            "email": data["email"],
            "name": data["name"],
            "segments": data["segments"],
            "region": data["region"] or "",
            "consent": "on" if data["consent"] else "",
            "website": data["website"],
        }
    )
    if not form.is_valid():
        raise invalid_form(form, _("Your subscription contains errors."))
    cleaned = form.cleaned_data
    services.subscribe(
        email=cleaned["email"],
        name=cleaned["name"],
        segments=cleaned["segments"],
        region=cleaned["region"] or site_region(request),
        source=Subscriber.Source.API,
        base_url=request_base_url(request),
    )
    return Status(
        202,
        {
            "status": "pending",
            "message": _("Check your mailbox: we have sent you a link to confirm your subscription."),
        },
    )


def register() -> None:
    register_router("/newsletters/", router)
