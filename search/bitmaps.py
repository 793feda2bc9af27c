# ruff: noqa: S608 - table names are module constants; values are bound parameters.
"""Facet membership and sort orders of the database index, kept in process memory.

Counting facets in SQL over 2,000-10,000 matched kits cost 100-300 ms per search on SQLite. Here
every indexed material gets a dense *position* (0..n-1, in page id order) and

* every (facet, value) a Python ``int`` used as a bitmask over those positions;
* every sort order (newest, downloads, title) a list of positions, plus a rank per position for
  breaking relevance ties.

A search then turns the matched ids into a mask, ANDs the filter masks and counts facets with
``(mask & value_mask).bit_count()``: microseconds for 10,000 materials.

The snapshot is loaded lazily per process and per database alias, and tagged with the token of
:class:`search.models.IndexState`. Every index write changes that token in its own transaction, so
:func:`current` (one single-row query per search) notices writes from any process and reloads.
A change of download counts only reloads the "downloads" order.
"""

from __future__ import annotations

import secrets
import threading
from collections import defaultdict, deque
from dataclasses import dataclass, field
from itertools import repeat

from django.db import connections

from .models import IndexState, LessonMaterial, LessonMaterialFacet

STATE = IndexState._meta.db_table
MATERIAL = LessonMaterial._meta.db_table
FACET = LessonMaterialFacet._meta.db_table
_BINARY_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


@dataclass
class FacetValue:
    value: str
    label: str
    position: int  # display order within the facet
    mask: int


@dataclass
class Snapshot:
    token: int
    downloads_token: int
    ids: list[int]  # position -> page id
    positions: dict[int, int]  # page id -> position
    all_mask: int
    facets: dict[str, dict[str, FacetValue]]  # facet -> value -> FacetValue, in display order
    orders: dict[str, list[int]]  # sort -> positions in result order
    newest_rank: list[int] = field(default_factory=list)  # position -> rank for relevance ties
    sort_rows: list[tuple] = field(default_factory=list, repr=False)  # (id, published, downloads, title)
    published_key: list[int] = field(default_factory=list, repr=False)  # position -> newest-first key

    def __len__(self) -> int:
        return len(self.ids)

    def positions_of(self, page_ids) -> list[int]:
        """Positions of ``page_ids``; an id unknown to the snapshot (indexed after it was loaded in
        the same instant) maps to ``len(self)``, which no mask contains."""
        return list(map(self.positions.get, page_ids, repeat(len(self.ids))))

    def mask_of_positions(self, positions: list[int]) -> int:
        size = len(self.ids)
        flags = bytearray(size + 1)  # one byte per position, built by C-level loops
        deque(map(flags.__setitem__, positions, repeat(1)), maxlen=0)
        del flags[size]
        return int(flags[::-1].translate(_BINARY_DIGITS), 2) if size else 0

    def filter_mask(self, filters: dict[str, list[str]], exclude: str | None = None) -> int:
        """AND across facets of (OR within a facet); ``exclude`` leaves one facet out."""
        mask = self.all_mask
        for key, values in filters.items():
            if key == exclude:
                continue
            known = self.facets.get(key, {})
            either = 0
            for value in values:
                if value in known:
                    either |= known[value].mask
            mask &= either
        return mask


def bytes_of(mask: int, size: int) -> bytes:
    """A mask as little-endian bytes: testing one position is then O(1) instead of O(size).
    One spare bit at ``size`` (never set) serves the unknown-id position."""
    return mask.to_bytes(size // 8 + 1, "little")


def has(bits: bytes, position: int) -> bool:
    return bool(bits[position >> 3] >> (position & 7) & 1)


_lock = threading.Lock()
_snapshots: dict[str, Snapshot] = {}


def read_tokens(using: str) -> tuple[int, int]:
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT token, downloads_token FROM {STATE} WHERE id = 1")
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (0, 0)


def bump(using: str, *, downloads_only: bool = False) -> None:
    """Mark the index as changed; call inside the transaction of the write."""
    column = "downloads_token" if downloads_only else "token"
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {STATE} (id, token, downloads_token) VALUES (1, %s, %s) "
            f"ON CONFLICT (id) DO UPDATE SET {column} = excluded.{column}",
            [secrets.randbits(62), secrets.randbits(62)],
        )


def current(using: str = "default") -> Snapshot:
    """The snapshot matching the database's current tokens (one query; a reload when they changed)."""
    token, downloads_token = read_tokens(using)
    snapshot = _snapshots.get(using)
    if snapshot is not None and snapshot.token == token and snapshot.downloads_token == downloads_token:
        return snapshot
    with _lock:
        snapshot = _snapshots.get(using)
        if snapshot is None or snapshot.token != token:
            snapshot = load(using, token, downloads_token)
        elif snapshot.downloads_token != downloads_token:
            snapshot = reload_downloads(using, snapshot, downloads_token)
        _snapshots[using] = snapshot
    return snapshot


def _masks(members: dict, size: int) -> dict:
    out = {}
    for key, positions in members.items():
        bits = bytearray((size + 8) // 8)
        for p in positions:
            bits[p >> 3] |= 1 << (p & 7)
        out[key] = int.from_bytes(bits, "little")
    return out


def _downloads_order(rows: list[tuple], published_key) -> list[int]:
    return sorted(range(len(rows)), key=lambda p: (-rows[p][2], published_key[p], -rows[p][0]))


def load(using: str, token: int, downloads_token: int) -> Snapshot:
    """Read the whole index's facet values and sort keys (two queries)."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT page_id, published_at, download_count, title_sort FROM {MATERIAL} ORDER BY page_id"
        )
        rows = cursor.fetchall()
        cursor.execute(f"SELECT material_id, facet, value, label, position FROM {FACET}")
        facet_rows = cursor.fetchall()
    ids = [r[0] for r in rows]
    positions = {page_id: p for p, page_id in enumerate(ids)}
    size = len(ids)

    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    labels: dict[tuple[str, str], tuple[int, str]] = {}
    for material_id, facet, value, label, position in facet_rows:
        p = positions.get(material_id)
        if p is None:
            continue
        members[facet, value].append(p)
        labels[facet, value] = (position, label)
    masks = _masks(members, size)
    facets: dict[str, dict[str, FacetValue]] = defaultdict(dict)
    for facet, value in sorted(labels, key=lambda fv: (fv[0], *labels[fv], fv[1])):
        position, label = labels[facet, value]
        facets[facet][value] = FacetValue(value, label, position, masks[facet, value])

    # Newest first; never-published (NULL) last. Dates compare as ISO strings on SQLite, as datetimes
    # on PostgreSQL: rank them once and sort on the rank.
    published = sorted({r[1] for r in rows if r[1] is not None})
    published_rank = {value: -i for i, value in enumerate(published)}
    published_key = [published_rank[r[1]] if r[1] is not None else 1 for r in rows]
    newest = sorted(range(size), key=lambda p: (published_key[p], -rows[p][0]))
    # Relevance ties (and a query of only punctuation): newest first, then lowest page id.
    by_relevance_tie = sorted(range(size), key=lambda p: (published_key[p], rows[p][0]))
    newest_rank = [0] * size
    for rank, p in enumerate(by_relevance_tie):
        newest_rank[p] = rank
    orders = {
        "relevance": by_relevance_tie,
        "newest": newest,
        "downloads": _downloads_order(rows, published_key),
        "title": sorted(range(size), key=lambda p: (rows[p][3], rows[p][0])),
    }
    return Snapshot(
        token=token,
        downloads_token=downloads_token,
        ids=ids,
        positions=positions,
        all_mask=(1 << size) - 1,
        facets=dict(facets),
        orders=orders,
        newest_rank=newest_rank,
        sort_rows=rows,
        published_key=published_key,
    )


def reload_downloads(using: str, snapshot: Snapshot, downloads_token: int) -> Snapshot:
    """Only download counts changed: re-read them and rebuild the "downloads" order (one query)."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT page_id, download_count FROM {MATERIAL}")
        counts = dict(cursor.fetchall())
    rows = [(r[0], r[1], counts.get(r[0], r[2]), r[3]) for r in snapshot.sort_rows]
    orders = {**snapshot.orders, "downloads": _downloads_order(rows, snapshot.published_key)}
    fresh = Snapshot(
        token=snapshot.token,
        downloads_token=downloads_token,
        ids=snapshot.ids,
        positions=snapshot.positions,
        all_mask=snapshot.all_mask,
        facets=snapshot.facets,
        orders=orders,
        newest_rank=snapshot.newest_rank,
        sort_rows=rows,
        published_key=snapshot.published_key,
    )
    return fresh
