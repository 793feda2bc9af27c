"""Parsing a visitor's query into clauses, with editor-defined synonyms expanded.

A query becomes a list of clauses that must all match (AND); a clause is a set of alternatives
(OR), each alternative a phrase of folded words. "microbit lampje" with the synonym group
"microbit, micro:bit" gives ``[{("microbit",), ("micro", "bit")}, {("lampje",)}]``.
"""

from __future__ import annotations

from django.core.cache import cache

from .models import Synonym
from .text import STOP_WORDS, stem, tokens

Phrase = tuple[str, ...]
Clause = frozenset[Phrase]
SYNONYM_CACHE_KEY = "search:synonym-groups"


def synonym_groups() -> list[list[Phrase]]:
    """The editors' synonym groups as folded phrases (cached; cleared when a synonym is saved)."""
    groups = cache.get(SYNONYM_CACHE_KEY)
    if groups is None:
        groups = []
        for synonym in Synonym.objects.all():
            phrases = [tuple(tokens(term)) for term in synonym.term_list]
            phrases = [p for p in phrases if p]
            if len(phrases) > 1:
                groups.append(phrases)
        cache.set(SYNONYM_CACHE_KEY, groups, 300)
    return groups


def parse_query(q: str, groups: list[list[Phrase]] | None = None) -> list[Clause]:
    words = tokens(q)
    if groups is None:
        groups = synonym_groups() if words else []
    candidates = sorted(((phrase, group) for group in groups for phrase in group), key=lambda pg: -len(pg[0]))
    clauses: list[Clause] = []
    i = 0
    while i < len(words):
        for phrase, group in candidates:
            if tuple(words[i : i + len(phrase)]) == phrase:
                clauses.append(frozenset(group))
                i += len(phrase)
                break
        else:
            clauses.append(frozenset({(words[i],)}))
            i += 1
    content = [
        c for c in clauses if not (len(c) == 1 and len(next(iter(c))) == 1 and next(iter(c))[0] in STOP_WORDS)
    ]
    return content or clauses


def clause_stems(clauses: list[Clause]) -> set[str]:
    """Every stem a clause can match: what highlighting marks."""
    return {stem(word) for clause in clauses for phrase in clause for word in phrase}


def _fts_phrase(phrase: Phrase) -> str:
    return '"' + " ".join(stem(w) for w in phrase) + '"'


def fts5_expression(clauses: list[Clause]) -> str:
    """An FTS5 MATCH expression over stemmed columns; every token is quoted, so no syntax leaks in."""
    parts = []
    for clause in clauses:
        alternatives = sorted(_fts_phrase(p) for p in clause)
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def fts5_prefix_expression(q: str) -> str:
    """Autocomplete: all words but the last as stems, the last as a prefix (raw or stemmed)."""
    words = tokens(q)
    if not words:
        return ""
    parts = [f'"{stem(w)}"' for w in words[:-1]]
    last = words[-1]
    options = sorted({f'"{last}"*', f'"{stem(last)}"*'})
    parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return "title : (" + " AND ".join(parts) + ")"


def tsquery_expression(clauses: list[Clause]) -> str:
    """A ``to_tsquery('dutch', ...)`` string; words are ``\\w+`` tokens, so they are safe lexemes."""
    parts = []
    for clause in clauses:
        alternatives = sorted(" <-> ".join(phrase) for phrase in clause)
        parts.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(parts)


def tsquery_prefix_expression(q: str) -> str:
    words = tokens(q)
    if not words:
        return ""
    return " & ".join([*words[:-1], f"{words[-1]}:*"])
