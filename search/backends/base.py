"""The contract every databank search backend honours: same parameters, same result shape, same order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.translation import gettext_lazy as _

from cms.errors import DomainError

from ..facets import FACET_KEYS, SORTS


class InvalidSearchParams(DomainError):
    """Bad search parameters (400); ``errors`` maps a parameter name to a message for the visitor."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(_("Invalid search parameters."), field_errors=errors)
        self.errors = errors


MAX_PAGE_SIZE = 100


@dataclass
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    page_size: int = 20

    def __post_init__(self) -> None:
        self.q = " ".join(self.q.replace("\x00", " ").split())[:200]  # NUL: PostgreSQL refuses it in text
        self.filters = {k: sorted(set(v)) for k, v in self.filters.items() if v}
        if not self.sort:
            self.sort = "relevance" if self.q else "newest"
        if self.sort == "relevance" and not self.q:
            self.sort = "newest"

    def validate(self) -> SearchParams:
        errors: dict[str, str] = {}
        if self.sort not in SORTS:
            errors["sort"] = _("Unknown sort order; use one of: %(choices)s.") % {"choices": ", ".join(SORTS)}
        if self.page < 1:
            errors["page"] = _("The page number must be 1 or higher.")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            errors["page_size"] = _("The page size must be between 1 and %(max)s.") % {"max": MAX_PAGE_SIZE}
        for key in self.filters:
            if key not in FACET_KEYS:
                errors[key] = _("Unknown filter.")
        if errors:
            raise InvalidSearchParams(errors)
        return self

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Hit:
    id: int
    title: str
    url: str
    summary: str
    published_at: dt.datetime | None
    duration_minutes: int
    download_count: int
    score: float | None
    facets: dict[str, list[dict[str, str]]]
    highlights: dict[str, str]


@dataclass
class SearchResults:
    params: SearchParams
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    backend: str
    #: A better-spelled query from the index's vocabulary when this one found little or nothing.
    did_you_mean: str | None = None
    #: True when the original query found nothing and ``hits``/``facets`` are those of ``did_you_mean``.
    corrected: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.params.page_size))


@dataclass
class Suggestion:
    id: int
    title: str
    url: str


@dataclass
class SimilarKit:
    id: int
    title: str
    url: str
    summary: str
    duration_minutes: int
    facets: dict[str, list[dict[str, str]]]


class SearchBackend(Protocol):
    name: str
    #: Whether ``search`` itself tolerates misspelled words (fuzzy matching).
    fuzzy: bool

    def search(self, params: SearchParams) -> SearchResults: ...

    def suggest(self, q: str, limit: int = 8) -> list[Suggestion]: ...

    def spell(self, q: str) -> str | None:
        """``q`` with its unknown words replaced by close words of the index, or ``None``."""

    def similar(self, page_id: int, limit: int) -> list[int] | None:
        """Ids of indexed kits most like ``page_id``, best first (``None``: the kit is not indexed)."""

    def index(self, materials: list) -> None: ...

    def delete(self, page_ids: list[int]) -> None: ...

    def rebuild(self) -> int: ...
