"""API serializer fields for page relations (consumed by Wagtail API v3's compat shim)."""

from typing import Any

from rest_framework.fields import Field
from typing_extensions import TypedDict


class TermDict(TypedDict):
    id: int
    name: str
    slug: str


class TermListField(Field):
    """Serialise a many-to-many taxonomy as ``[{id, name, slug}]`` (uses prefetched rows)."""

    def to_representation(self, manager: Any) -> list[TermDict]:
        return [
            TermDict(id=term.pk, name=term.name, slug=getattr(term, "slug", "")) for term in manager.all()
        ]


class RelatedObjectField(Field):
    """Serialise a foreign key as ``{id, name}`` instead of a bare primary key."""

    def to_representation(self, value: Any) -> TermDict:
        return TermDict(id=value.pk, name=str(value), slug=getattr(value, "slug", ""))


class TagNamesField(Field):
    """Serialise tags as a list of names from prefetched rows (Wagtail's default queries per page)."""

    def to_representation(self, manager: Any) -> list[str]:
        return [tag.name for tag in manager.all()]


class OccurrenceDict(TypedDict):
    id: int
    start: str
    end: str
    status: str
    cancelled: bool
    cancellation_reason: str
    moved: bool
    capacity: int | None


class OccurrenceListField(Field):
    """An event's dates (skipped ones left out) as ``[{id, start, end, status, ...}]`` from prefetched rows."""

    def get_attribute(self, instance: Any) -> Any:
        return instance

    def to_representation(self, page: Any) -> list[OccurrenceDict]:
        return [
            OccurrenceDict(
                id=row.pk,
                start=row.start.isoformat(),
                end=row.end.isoformat(),
                status=row.status,
                cancelled=row.is_cancelled,
                cancellation_reason=row.cancellation_reason,
                moved=row.is_moved,
                capacity=row.capacity if row.capacity is not None else page.capacity,
            )
            for row in page.dates
        ]
