"""Helpers for adding our own routers to Wagtail's API v3 (one NinjaAPI, one OpenAPI schema).

Apps call :func:`register_router` from their ``AppConfig.ready()`` so that installing an app
is all it takes to get its endpoints under ``/api/v3/``.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
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


def register_router(prefix: str, router: Router) -> None:
    """Mount ``router`` on the Wagtail v3 API under ``prefix`` (idempotent)."""
    if prefix in _registered:
        return
    api.add_router(prefix, router)
    _registered.add(prefix)


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
