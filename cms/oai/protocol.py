"""The OAI-PMH 2.0 protocol (openarchives.org/OAI/openarchivesprotocol.html) over our repository.

Written small on purpose: the server libraries on PyPI either keep their own copy of every record
(django-oai-pmh) or bring their own web stack and unsigned tokens (pyoai); ours reads the kits
where they live and renders XML with Django templates (autoescaped, overridable per project).
Every request answers 200 with either a verb's result or OAI-PMH ``<error>`` elements.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from . import repository, tokens
from .repository import Selection

PAGE_SIZE = 100
METADATA_FORMATS = {
    "oai_dc": {
        "schema": "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        "namespace": "http://www.openarchives.org/OAI/2.0/oai_dc/",
        "template": "oai/metadata/oai_dc.xml",
    },
    "lom": {
        "schema": "http://www.imsglobal.org/xsd/imsmd_v1p2p4.xsd",
        "namespace": "http://www.imsglobal.org/xsd/imsmd_v1p2",
        "template": "oai/metadata/lom.xml",
    },
}
ARGUMENTS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@dataclass
class OaiError(Exception):
    code: str
    message: str


@dataclass
class Answer:
    verb: str
    context: dict = field(default_factory=dict)
    errors: list[OaiError] = field(default_factory=list)
    arguments: dict[str, str] = field(default_factory=dict)


def utc_stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_datestamp(value: str, *, end_of_day: bool) -> tuple[dt.datetime, str]:
    if DAY.match(value):
        day = dt.date.fromisoformat(value)
        moment = dt.datetime.combine(day, dt.time.max if end_of_day else dt.time.min, tzinfo=dt.UTC)
        return moment, "day"
    if SECOND.match(value):
        moment = dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        return (moment + dt.timedelta(microseconds=999_999) if end_of_day else moment), "second"
    raise ValueError(value)


def _selection(args: dict[str, str]) -> Selection:
    prefix = args["metadataPrefix"]
    if prefix not in METADATA_FORMATS:
        raise OaiError("cannotDisseminateFormat", _("This repository does not offer that metadata format."))
    try:
        from_ = _parse_datestamp(args["from"], end_of_day=False) if "from" in args else None
        until = _parse_datestamp(args["until"], end_of_day=True) if "until" in args else None
    except ValueError as error:
        raise OaiError("badArgument", _("Dates are YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")) from error
    if from_ and until and (from_[1] != until[1] or from_[0] > until[0]):
        raise OaiError("badArgument", _("'from' and 'until' must have the same granularity and be in order."))
    set_spec = args.get("set", "")
    if set_spec and not repository.valid_set(set_spec):
        raise OaiError("noRecordsMatch", _("There is no such set."))
    return Selection(prefix, from_[0] if from_ else None, until[0] if until else None, set_spec)


def _check_arguments(verb: str, args: dict[str, str]) -> None:
    required, optional = ARGUMENTS[verb]
    if "resumptionToken" in args:
        if set(args) != {"resumptionToken"}:
            raise OaiError("badArgument", _("A resumption token is the only argument of its request."))
        return
    unknown = set(args) - required - optional
    missing = required - set(args)
    if unknown or missing:
        raise OaiError(
            "badArgument",
            _("Illegal or missing arguments: %(names)s.") % {"names": ", ".join(sorted(unknown | missing))},
        )


def handle(query) -> Answer:
    """Answer one request; ``query`` is the GET or POST QueryDict."""
    verb = query.get("verb", "")
    repeated = [key for key in query if len(query.getlist(key)) > 1]
    args = {key: value for key, value in query.items() if key != "verb"}
    if verb not in ARGUMENTS or len(query.getlist("verb")) > 1:
        return Answer("", errors=[OaiError("badVerb", _("Illegal or missing OAI-PMH verb."))])
    answer = Answer(verb, arguments=args)
    try:
        if repeated:
            raise OaiError("badArgument", _("Arguments may not be repeated."))
        _check_arguments(verb, args)
        answer.context = VERBS[verb](args)
    except OaiError as error:
        answer.errors = [error]
        answer.arguments = {} if error.code in ("badArgument",) else args
    return answer


def identify(args: dict[str, str]) -> dict:
    return {"earliest_datestamp": utc_stamp(repository.earliest_datestamp())}


def list_metadata_formats(args: dict[str, str]) -> dict:
    if "identifier" in args:
        _header_or_error(args["identifier"], with_kit=False)
    return {"formats": [{"prefix": prefix, **info} for prefix, info in METADATA_FORMATS.items()]}


def list_sets(args: dict[str, str]) -> dict:
    if "resumptionToken" in args:
        raise OaiError("badResumptionToken", _("This list has no further parts."))
    return {"sets": repository.all_sets()}


def _header_or_error(identifier: str, *, with_kit: bool) -> repository.Header:
    page_id = repository.page_id_from(identifier)
    header = repository.header_for(page_id, with_kit=with_kit) if page_id else None
    if header is None:
        raise OaiError("idDoesNotExist", _("No record has this identifier."))
    return header


def get_record(args: dict[str, str]) -> dict:
    selection = _selection({"metadataPrefix": args["metadataPrefix"]})
    header = _header_or_error(args["identifier"], with_kit=True)
    return {"records": [header], "format": METADATA_FORMATS[selection.metadata_prefix]}


def _list(args: dict[str, str], *, with_kits: bool) -> dict:
    if "resumptionToken" in args:
        try:
            selection, after, cursor = tokens.read(args["resumptionToken"])
        except tokens.BadToken as error:
            raise OaiError(
                "badResumptionToken", _("The resumption token is invalid or has expired.")
            ) from error
        if selection.metadata_prefix not in METADATA_FORMATS:
            raise OaiError("badResumptionToken", _("The resumption token is invalid or has expired."))
    else:
        selection, after, cursor = _selection(args), 0, 0
    page = repository.headers(selection, after=after, limit=PAGE_SIZE + 1, with_kits=with_kits)
    if not page and not cursor:
        raise OaiError("noRecordsMatch", _("No records match these arguments."))
    more, page = len(page) > PAGE_SIZE, page[:PAGE_SIZE]
    token = None
    if more or cursor:
        token = {
            "value": tokens.make(selection, after=page[-1].page_id, cursor=cursor + len(page))
            if more
            else "",
            "cursor": cursor,
            "complete_list_size": repository.count(selection),
            "expiration": utc_stamp(timezone.now() + tokens.LIFETIME) if more else "",
        }
    return {"records": page, "token": token, "format": METADATA_FORMATS[selection.metadata_prefix]}


def list_identifiers(args: dict[str, str]) -> dict:
    return _list(args, with_kits=False)


def list_records(args: dict[str, str]) -> dict:
    return _list(args, with_kits=True)


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
