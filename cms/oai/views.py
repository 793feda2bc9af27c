from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import protocol, vocabularies
from .metadata import kit_metadata

DEFAULT_REPOSITORY_NAME = "Databank Sterk Techniekonderwijs"


@csrf_exempt  # harvesters may POST (OAI-PMH 3.1.1); nothing here changes state
@require_http_methods(["GET", "POST"])
def endpoint(request: HttpRequest) -> HttpResponse:
    """The OAI-PMH base URL: every verb, every error, always well-formed XML."""
    answer = protocol.handle(request.POST if request.method == "POST" else request.GET)
    for record in answer.context.get("records", []):
        record.stamp = protocol.utc_stamp(record.datestamp)
        if record.kit is not None:
            record.metadata = kit_metadata(record.kit, request)
    context = {
        "answer": answer,
        "verb_template": f"oai/{answer.verb}.xml" if answer.verb else "",
        "response_date": protocol.utc_stamp(timezone.now()),
        "base_url": request.build_absolute_uri(request.path),
        "repository_name": getattr(settings, "OAI_REPOSITORY_NAME", DEFAULT_REPOSITORY_NAME),
        "admin_email": getattr(settings, "OAI_ADMIN_EMAIL", "") or _address(settings.DEFAULT_FROM_EMAIL),
        "v": vocabularies,
    }
    xml = render_to_string("oai/response.xml", context, request=request)
    return HttpResponse(xml, content_type="text/xml; charset=utf-8")


def _address(from_email: str) -> str:
    return from_email.rsplit("<", 1)[-1].rstrip(">").strip()
