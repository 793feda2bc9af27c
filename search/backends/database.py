# ruff: noqa: S608 - table/column names are module constants; every visitor value is a bound parameter.
"""The embedded backend: SQLite FTS5 or PostgreSQL full text over the ``search_lessonmaterial`` table.

A search is ONE SQL statement: the full-text match and rank are computed once into a materialised
CTE, then the page of hits (ordered, limited), the total and every facet's grouped counts are read
from it with ``UNION ALL``. Hit details come from one more query on the index table. Nothing here
touches the page tree, so a search costs two queries whatever the size of the databank.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db import connections, transaction

from ..facets import FACET_KEYS
from ..materials import MaterialData, iter_materials
from ..models import LessonMaterial, LessonMaterialFacet
from ..query import (
    clause_stems,
    fts5_expression,
    fts5_prefix_expression,
    parse_query,
    tsquery_expression,
    tsquery_prefix_expression,
)
from ..text import highlight, stemmed_text
from .base import FacetCount, Hit, SearchParams, SearchResults, Suggestion

logger = logging.getLogger(__name__)

MATERIAL = LessonMaterial._meta.db_table
FACET = LessonMaterialFacet._meta.db_table
FTS = "search_lessonmaterial_fts"
# bm25 column weights: title > summary > body > attachment text.
BM25 = f"bm25({FTS}, 10.0, 5.0, 2.0, 1.0)"
ORDERINGS = {
    "relevance": "h.score ASC, m.published_at DESC, m.page_id ASC",
    "newest": "m.published_at DESC, m.page_id DESC",
    "downloads": "m.download_count DESC, m.published_at DESC, m.page_id DESC",
    "title": "m.title_sort ASC, m.page_id ASC",
}
HIGHLIGHT_FIELDS = (
    ("title", "title"),
    ("summary", "summary"),
    ("body", "body"),
    ("attachment_text", "attachments"),
)


class DatabaseBackend:
    name = "database"

    def __init__(self, using: str = "default"):
        self.using = using

    @property
    def connection(self):
        return connections[self.using]

    @property
    def vendor(self) -> str:
        return self.connection.vendor

    # -- searching -------------------------------------------------------------------------------

    def _matched_sql(self, clauses) -> tuple[str, list]:
        if not clauses:
            return f"SELECT page_id AS id, 0.0 AS score FROM {MATERIAL}", []
        if self.vendor == "sqlite":
            return (
                f"SELECT rowid AS id, {BM25} AS score FROM {FTS} WHERE {FTS} MATCH %s",
                [fts5_expression(clauses)],
            )
        if self.vendor == "postgresql":
            return (
                f"SELECT page_id AS id, -ts_rank_cd(search_vector, tsq, 1) AS score "
                f"FROM {MATERIAL}, to_tsquery('dutch', %s) AS tsq WHERE search_vector @@ tsq",
                [tsquery_expression(clauses)],
            )
        # Any other database: unranked substring matching, correct but slow.
        conditions, args = [], []
        for clause in clauses:
            alternatives = []
            for phrase in clause:
                for column in ("title", "summary", "body", "attachment_text"):
                    alternatives.append(f"LOWER({column}) LIKE %s")
                    args.append("%" + " ".join(phrase) + "%")
            conditions.append("(" + " OR ".join(alternatives) + ")")
        return f"SELECT page_id AS id, 0.0 AS score FROM {MATERIAL} WHERE {' AND '.join(conditions)}", args

    @staticmethod
    def _filter_sql(filters: dict[str, list[str]], exclude: str | None = None) -> tuple[str, list]:
        conditions, args = [], []
        for key in FACET_KEYS:
            values = filters.get(key)
            if not values or key == exclude:
                continue
            placeholders = ", ".join(["%s"] * len(values))
            conditions.append(
                f"id IN (SELECT material_id FROM {FACET} WHERE facet = %s AND value IN ({placeholders}))"
            )
            args.extend([key, *values])
        return (" AND ".join(conditions) or "1 = 1"), args

    def search(self, params: SearchParams) -> SearchResults:
        clauses = parse_query(params.q)
        matched_sql, args = self._matched_sql(clauses)
        hits_filter, hits_args = self._filter_sql(params.filters)
        materialized = "MATERIALIZED " if self.vendor in ("sqlite", "postgresql") else ""
        sql = [
            f"WITH matched AS {materialized}({matched_sql}), "
            f"hits AS {materialized}(SELECT id, score FROM matched WHERE {hits_filter}) "
        ]
        args += hits_args
        order = ORDERINGS[params.sort]
        sql.append(
            "SELECT * FROM (SELECT 'r' AS kind, h.id AS n, h.score AS score, NULL AS facet, NULL AS value, "
            f"NULL AS label, ROW_NUMBER() OVER (ORDER BY {order}) AS position "
            f"FROM hits h JOIN {MATERIAL} m ON m.page_id = h.id ORDER BY {order} LIMIT %s OFFSET %s) AS page_hits "
            "UNION ALL SELECT 't', COUNT(*), NULL, NULL, NULL, NULL, NULL FROM hits"
        )
        args += [params.page_size, params.offset]
        inactive = [k for k in FACET_KEYS if k not in params.filters]
        group = "GROUP BY f.facet, f.value, f.label, f.position"
        # "+ 0" keeps SQLite from probing the material_id index once per hit; it then scans the covering
        # (facet, value, label, position, material) index in group order instead: no sort, no table reads.
        member = "f.material_id + 0" if self.vendor == "sqlite" else "f.material_id"
        if inactive:
            placeholders = ", ".join(["%s"] * len(inactive))
            sql.append(
                " UNION ALL SELECT 'f', COUNT(*), NULL, f.facet, f.value, f.label, f.position "
                f"FROM {FACET} f WHERE f.facet IN ({placeholders}) AND {member} IN (SELECT id FROM hits) {group}"
            )
            args += inactive
        for key in FACET_KEYS:
            if key in params.filters:
                # The usual faceted behaviour: a facet's counts ignore its own selection.
                others, other_args = self._filter_sql(params.filters, exclude=key)
                sql.append(
                    " UNION ALL SELECT 'f', COUNT(*), NULL, f.facet, f.value, f.label, f.position "
                    f"FROM {FACET} f WHERE f.facet = %s AND {member} IN "
                    f"(SELECT id FROM matched WHERE {others}) {group}"
                )
                args += [key, *other_args]
        with self.connection.cursor() as cursor:
            cursor.execute("".join(sql), args)
            rows = cursor.fetchall()

        total = 0
        ranked: list[tuple[int, int, float]] = []
        facet_rows: dict[str, list[tuple[int, str, str, int]]] = defaultdict(list)
        for kind, n, score, facet, value, label, position in rows:
            if kind == "r":
                ranked.append((position, n, score))
            elif kind == "t":
                total = n
            else:
                facet_rows[facet].append((position, label, value, n))
        ranked.sort()
        return SearchResults(
            params=params,
            total=total,
            hits=self._hits(ranked, clauses),
            facets=self._facets(facet_rows, params.filters),
            backend=self.name,
        )

    @staticmethod
    def _facets(facet_rows, filters) -> dict[str, list[FacetCount]]:
        facets: dict[str, list[FacetCount]] = {}
        for key in FACET_KEYS:
            selected = set(filters.get(key, []))
            counts = [
                FacetCount(value=value, label=label, count=n, selected=value in selected)
                for _position, label, value, n in sorted(facet_rows.get(key, []))
            ]
            seen = {c.value for c in counts}
            counts += [FacetCount(value=v, label=v, count=0, selected=True) for v in sorted(selected - seen)]
            facets[key] = counts
        return facets

    def _hits(self, ranked, clauses) -> list[Hit]:
        if not ranked:
            return []
        stems = clause_stems(clauses)
        rows = LessonMaterial.objects.using(self.using).in_bulk([page_id for _, page_id, _ in ranked])
        hits = []
        for _position, page_id, score in ranked:
            row = rows.get(page_id)
            if row is None:
                continue
            highlights = {}
            for field, name in HIGHLIGHT_FIELDS:
                snippet = highlight(getattr(row, field), stems)
                if snippet:
                    highlights[name] = snippet
            hits.append(
                Hit(
                    id=row.page_id,
                    title=row.title,
                    url=row.url,
                    summary=row.summary,
                    published_at=row.published_at,
                    duration_minutes=row.duration_minutes,
                    download_count=row.download_count,
                    score=-score if clauses else None,
                    facets=row.facets,
                    highlights=highlights,
                )
            )
        return hits

    def suggest(self, q: str, limit: int = 8) -> list[Suggestion]:
        if self.vendor == "sqlite":
            expression = fts5_prefix_expression(q)
            sql = (
                f"SELECT m.page_id, m.title, m.url FROM {FTS} JOIN {MATERIAL} m ON m.page_id = {FTS}.rowid "
                f"WHERE {FTS} MATCH %s ORDER BY {BM25}, m.download_count DESC LIMIT %s"
            )
        elif self.vendor == "postgresql":
            expression = tsquery_prefix_expression(q)
            sql = (
                f"SELECT page_id, title, url FROM {MATERIAL} "
                "WHERE to_tsvector('simple', title) @@ to_tsquery('simple', %s) "
                "ORDER BY download_count DESC, title_sort LIMIT %s"
            )
        else:
            expression = f"%{q.lower()}%"
            sql = f"SELECT page_id, title, url FROM {MATERIAL} WHERE LOWER(title) LIKE %s LIMIT %s"
        if not expression:
            return []
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [expression, limit])
            return [Suggestion(id=r[0], title=r[1], url=r[2]) for r in cursor.fetchall()]

    # -- indexing --------------------------------------------------------------------------------

    def index(self, materials: list[MaterialData]) -> None:
        """Insert or replace the index rows of ``materials`` (one transaction)."""
        if not materials:
            return
        ids = [m.page_id for m in materials]
        with transaction.atomic(using=self.using):
            self.delete(ids)
            LessonMaterial.objects.using(self.using).bulk_create(
                [
                    LessonMaterial(
                        page_id=m.page_id,
                        title=m.title,
                        title_sort=m.title.lower()[:255],
                        summary=m.summary,
                        body=m.body,
                        attachment_text=m.attachment_text,
                        url=m.url,
                        published_at=m.published_at,
                        duration_minutes=m.duration_minutes,
                        download_count=m.download_count,
                        facets=m.facets_json(),
                    )
                    for m in materials
                ]
            )
            facet_rows = [
                (m.page_id, key, term.value[:200], term.label[:255], term.position)
                for m in materials
                for key, terms in m.facets.items()
                for term in terms
            ]
            with self.connection.cursor() as cursor:
                # Raw executemany: the ORM's per-object compilation dominated rebuild time.
                cursor.executemany(
                    f"INSERT INTO {FACET} (material_id, facet, value, label, position) VALUES (%s, %s, %s, %s, %s)",
                    facet_rows,
                )
                if self.vendor == "sqlite":
                    cursor.executemany(
                        f"INSERT INTO {FTS} (rowid, title, summary, body, attachments) VALUES (%s, %s, %s, %s, %s)",
                        [
                            (
                                m.page_id,
                                stemmed_text(m.title),
                                stemmed_text(m.summary),
                                stemmed_text(m.body),
                                stemmed_text(m.attachment_text),
                            )
                            for m in materials
                        ],
                    )
                elif self.vendor == "postgresql":
                    cursor.execute(
                        f"UPDATE {MATERIAL} SET search_vector = "
                        "setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', summary), 'B') "
                        "|| setweight(to_tsvector('dutch', body), 'C') "
                        "|| setweight(to_tsvector('dutch', attachment_text), 'D') WHERE page_id = ANY(%s)",
                        [ids],
                    )

    def delete(self, page_ids: list[int]) -> None:
        """Remove the index rows of ``page_ids`` (raw deletes: no ORM cascade collection)."""
        if not page_ids:
            return
        page_ids = list(page_ids)
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            for start in range(0, len(page_ids), 500):
                chunk = page_ids[start : start + 500]
                placeholders = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {FACET} WHERE material_id IN ({placeholders})", chunk)
                cursor.execute(f"DELETE FROM {MATERIAL} WHERE page_id IN ({placeholders})", chunk)
                if self.vendor == "sqlite":
                    cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({placeholders})", chunk)

    def update_download_count(self, page_id: int, count: int) -> None:
        LessonMaterial.objects.using(self.using).filter(page_id=page_id).update(download_count=count)

    def rebuild(self, chunk_size: int = 500) -> int:
        """Re-create the whole index from the pages; returns the number of indexed materials."""
        with transaction.atomic(using=self.using):
            with self.connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FACET}")
                cursor.execute(f"DELETE FROM {MATERIAL}")
                if self.vendor == "sqlite":
                    cursor.execute(f"DELETE FROM {FTS}")
            count, batch = 0, []
            for material in iter_materials(chunk_size=chunk_size):
                batch.append(material)
                if len(batch) >= chunk_size:
                    self.index(batch)
                    count += len(batch)
                    batch = []
            self.index(batch)
            count += len(batch)
        return count
