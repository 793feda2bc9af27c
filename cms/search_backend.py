"""Wagtail's database search backend, safe for any query text (``WAGTAILSEARCH_BACKENDS``).

The SQLite backend quotes each word as an FTS5 string without escaping ``"`` (a lone ``"`` is an
"unterminated string"), a query of only spaces leaves it with no terms at all, and PostgreSQL
refuses NUL characters: each was a 500 from ``/api/v3/pages/?search=`` and the admin search.
Query text is cleaned here, once, for every caller: control characters and ``"`` become spaces
(the plain-text query syntax gives ``"`` no meaning) and a blank query finds nothing.
"""

import functools
import re
from typing import Any

from wagtail.search.backends import database

_UNSAFE = re.compile(r'["\x00-\x1f\x7f]')


def clean_query(query: Any) -> Any:
    """``query`` without the characters the database backends cannot take (query objects pass as they are)."""
    if not isinstance(query, str):
        return query
    return " ".join(_UNSAFE.sub(" ", query).split())


class SafeQueryMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(clean_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(clean_query(query), model_or_queryset, *args, **kwargs)


@functools.cache
def _safe_class(backend_class: type) -> type:
    return type(f"Safe{backend_class.__name__}", (SafeQueryMixin, backend_class), {})


def SearchBackend(params: dict) -> Any:  # noqa: N802 (Wagtail looks the backend up by this name)
    """The database backend Wagtail picks for the current database, with :func:`clean_query`."""
    return _safe_class(type(database.SearchBackend(params)))(params)
