"""Helpers for adding our own routers to Wagtail's API v3 (one NinjaAPI, one OpenAPI schema).

Apps call :func:`register_router` from their ``AppConfig.ready()`` so that installing an app
is all it takes to get its endpoints under ``/api/v3/``.
"""

import functools
from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.api import api
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.registry import registry
from wagtail.api.v3.schemas.generators.read import read_generator
from wagtail.api.v3.schemas.pages import BasePageSchema

from .errors import ProblemSchema
from .examples import openapi_examples
from .schema_types import Id

_registered: set[str] = set()


#: Version of the API contract described by the OpenAPI document (not of the software).
API_VERSION = "1.0.0"
API_DESCRIPTION = """\
The public content and services of the Sterk Techniekonderwijs (STO) regions: Dutch regional programmes
in which primary schools, vmbo/mbo schools and companies work together so that more young people choose
technology. Read the pages of every region, search the shared lesson-material databank, book tech
lessons, register for events and challenges, subscribe to newsletters, contribute lesson material.

**Dutch domain terms** (kept in paths and fields because they are the users' own words):
**techniekhuis** a regional tech house where primary-school classes get hands-on lessons;
**leskist / lespakket** a lesson kit (lesson plan, worksheets, videos; `lessonkits`);
**databank** the shared, searchable collection of lesson material;
**leernetwerk** a learning-network meeting for teachers and deans (`events`);
**menukaart** the partners' menu of offers to schools (guest lessons, company visits);
**po** primary school, **groep 1-8** its year groups; **vmbo**, **pro**, **vso**, **mbo** secondary and
vocational school types; **BRIN** a school's 4-character code (e.g. `12AB`);
**kerndoelen** the national (SLO) core goals a lesson kit supports;
**regio** one STO region, served as its own site.

**Language**: error messages (`application/problem+json`) follow the request's `Accept-Language`
(Dutch by default, English available); content fields are always in the language the content was
written in (Dutch for the current regions), whatever the request asks.
"""

#: Built OpenAPI documents per (path prefix, language): the document is ~260 KB and takes over a
#: second to build, and it only changes when the code does (a deploy starts new processes).
_documents: dict[tuple, dict] = {}


def describe_api(api: NinjaAPI) -> None:
    """Give the API document this product's title, description, version and contact, and build
    it once per process and language instead of on every request (idempotent)."""
    api.title = "Sterk Techniekonderwijs API"
    api.version = API_VERSION
    api.description = API_DESCRIPTION
    default_contact = {"name": settings.WAGTAIL_SITE_NAME, "url": settings.WAGTAILADMIN_BASE_URL}
    api.openapi_extra.setdefault("info", {})["contact"] = getattr(settings, "API_CONTACT", default_contact)
    if getattr(api.get_openapi_schema, "_built_once", False):
        return
    build = api.get_openapi_schema

    @functools.wraps(build)
    def get_openapi_schema(*, path_prefix: str | None = None, path_params: dict | None = None):
        key = (path_prefix, tuple(sorted((path_params or {}).items())), translation.get_language())
        if key not in _documents:
            _documents[key] = build(path_prefix=path_prefix, path_params=path_params)
        return _documents[key]

    get_openapi_schema._built_once = True  # type: ignore[attr-defined]
    api.get_openapi_schema = get_openapi_schema  # type: ignore[method-assign]


def register_router(prefix: str, router: Router) -> None:
    """Mount ``router`` on the Wagtail v3 API under ``prefix`` (idempotent)."""
    if prefix in _registered:
        return
    api.add_router(prefix, router)
    _registered.add(prefix)
    _documents.clear()


def registered_prefixes() -> frozenset[str]:
    """The prefixes mounted with :func:`register_router`: our own endpoints, as opposed to Wagtail's."""
    return frozenset(_registered)


def get_or_404(queryset: QuerySet, pk: int):
    """The object with ``pk``, or a 404 problem saying "Not found" (without the model's name, translated)."""
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        raise Http404(_("Not found")) from None


def public_pages(model):
    """Live pages of ``model`` without view restrictions: what anonymous visitors may see, on every site."""
    return model.objects.live().public().select_related("locale", "content_type")


class NoFilters(Schema):
    pass


def page_type_router(
    model,
    *,
    ordering: tuple[str, ...],
    tag: str,
    example: dict | None = None,
    filters: type[Schema] = NoFilters,
    apply_filters: Callable | None = None,
) -> Router:
    """A list and a detail endpoint for one page type, with all its ``api_fields``.

    ``example`` (one page as the detail endpoint answers it) is shown in the OpenAPI document. The
    list takes the query parameters of ``filters`` and hands the given ones to ``apply_filters``
    (``apply_filters(pages, **values)``), which may also order the pages (else ``ordering``).

    The list uses the lean page meta (no parent lookup per item) and the model's
    ``api_queryset`` prefetches, so a page of results costs a fixed number of queries.
    """
    name = model._meta.object_name
    plural = str(model._meta.verbose_name_plural)
    list_schema = read_generator.build_schema(
        model, name=f"{name}ListItemSchema", base_class=BasePageSchema, follow_reverse_related=True
    )
    detail_schema = registry.get(model._meta.label).read_schema
    router = Router(tags=[tag])

    @router.get(
        "/",
        response={200: list[list_schema], 400: ProblemSchema},
        summary=f"List {plural}",
        operation_id=f"{tag}_list",
        description=f"Published, public {plural} of every site, with their domain fields.",
        openapi_extra=openapi_examples(responses={200: {"items": [example], "count": 1}})
        if example
        else None,
    )
    @paginate(WagtailLimitOffsetPagination)
    def list_pages(request: HttpRequest, query: Query[filters], **kwargs):
        pages = model.api_queryset(public_pages(model))
        if apply_filters:
            pages = apply_filters(pages, **query.model_dump(exclude_none=True))
        return pages if pages.query.order_by else pages.order_by(*ordering, "pk")

    @router.get(
        "/{page_id}/",
        response={200: detail_schema, 404: ProblemSchema, 400: ProblemSchema},
        summary=f"Get one of the {plural}",
        operation_id=f"{tag}_detail",
        openapi_extra=openapi_examples(responses={200: example}) if example else None,
    )
    def get_page(request: HttpRequest, page_id: Id):
        return get_or_404(model.api_queryset(public_pages(model)), page_id)

    return router
