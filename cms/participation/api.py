"""The API side of the participation forms (bookings, registrations, teams): a JSON body becomes the
same form's data, with its idempotency key, and a form that refuses it becomes a 400 per field."""

from typing import Any

from django.http import HttpRequest
from pydantic import BaseModel

from cms.api.errors import invalid_form
from cms.api.requests import json_form_data

from .idempotency import key_for_request

#: The form's ``school`` is the API's ``school_id``.
API_NAMES = {"school": "school_id", "school_lookup": "school_id"}  # the API names a school by its id


def form_data(request: HttpRequest, schema: type[BaseModel]) -> dict[str, Any]:
    """The body as form data for ``schema``'s form: ``school_id`` as the form's ``school`` (when the
    schema has one) and the idempotency key of :func:`~.idempotency.key_for_request`."""
    data = json_form_data(request, schema)
    data["idempotency_key"] = key_for_request(request, data)
    if "school_id" in schema.model_fields:
        data["school"] = data.pop("school_id", None)
    return data


def check_form(form, message: str) -> None:
    """Raise the 400 for a bound form that is not valid, with the API's field names."""
    if not form.is_valid():
        raise invalid_form(form, message, names=API_NAMES)
