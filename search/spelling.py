# ruff: noqa: S608 - table names are module constants; nothing from the visitor reaches the SQL.
"""Spelling correction for the database backend, from the index's own vocabulary.

The vocabulary is every word of the indexed kits' titles, summaries and taxonomy labels (target
group, theme, technology world, core goal), with the number of kits that use it, plus the editors'
synonyms. Nothing comes from a fixed word list: a new kit about "hydrauliek" makes "hydroliek"
correctable. It is built once per index version (the token of :mod:`search.bitmaps`) and kept in
process memory, like the facet bitmaps.

A query word the vocabulary knows (or whose stem it knows) is kept. An unknown word is replaced by
the closest known word (optimal-string-alignment distance, so a swapped pair of letters counts as
one edit; at most 1 edit for words up to 5 letters, 2 beyond), preferring the word more kits use, or
split in two known words ("zonneenergie" -> "zonne energie"); two words that form a known word
together are joined ("micro bit" -> "microbit" only when a half is unknown). rapidfuzz does the
distance work in C over the words of a similar length.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connections
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import bitmaps
from .models import LessonMaterial, LessonMaterialFacet
from .query import synonym_groups
from .text import STOP_WORDS, stem, tokens

MATERIAL = LessonMaterial._meta.db_table
FACET = LessonMaterialFacet._meta.db_table
VOCABULARY_FACETS = ("target_group", "theme", "tech_world", "core_goal")
MIN_WORD = 3  # shorter words are never corrected nor offered
MIN_SPLIT_PART = 3


def max_edits(word: str) -> int:
    """Edits allowed for a word of this length (Elasticsearch's ``fuzziness: AUTO``, one step looser)."""
    return 1 if len(word) <= 5 else 2


@dataclass
class Vocabulary:
    token: int
    frequency: dict[str, int]  # folded word -> number of kits using it (synonyms count 1)
    stems: set[str]
    by_length: dict[int, list[str]]
    _prefixes: dict[int, dict[str, str]] = field(default_factory=dict, repr=False)
    _merged: dict[frozenset[str], Vocabulary] = field(default_factory=dict, repr=False)

    def knows(self, word: str) -> bool:
        return word in self.frequency or stem(word) in self.stems

    def closest(self, word: str) -> str | None:
        """The known word within :func:`max_edits` of ``word``: fewest edits, then most kits."""
        limit = max_edits(word)
        choices = [
            w for n in range(len(word) - limit, len(word) + limit + 1) for w in self.by_length.get(n, ())
        ]
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
        if not found:
            return None
        return min(found, key=lambda f: (f[1], -self.frequency[f[0]], f[0]))[0]

    def split(self, word: str) -> str | None:
        """``word`` as two known words ("zonneenergie" -> "zonne energie"), the most used pair."""
        best: tuple[int, str] | None = None
        for i in range(MIN_SPLIT_PART, len(word) - MIN_SPLIT_PART + 1):
            left, right = word[:i], word[i:]
            if left in self.frequency and right in self.frequency:
                score = min(self.frequency[left], self.frequency[right])
                if best is None or score > best[0]:
                    best = (score, f"{left} {right}")
        return best[1] if best else None

    def prefixes(self, length: int) -> dict[str, str]:
        """Every known word's first ``length`` letters -> the most used word starting with them."""
        table = self._prefixes.get(length)
        if table is None:
            table, counts = {}, {}
            for word, n in self.frequency.items():
                if len(word) >= length:
                    prefix = word[:length]
                    if n > counts.get(prefix, -1):
                        table[prefix], counts[prefix] = word, n
            self._prefixes[length] = table
        return table

    def closest_prefix(self, prefix: str) -> str | None:
        """A known beginning of a word close to ``prefix`` ("spagett" -> "spaghett"; :func:`max_edits`)."""
        if len(prefix) < MIN_WORD:
            return None
        candidates: dict[str, int] = {}
        for length in (len(prefix) - 1, len(prefix), len(prefix) + 1):
            table = self.prefixes(length)
            for found, distance, _key in process.extract(
                prefix, list(table), scorer=OSA.distance, score_cutoff=max_edits(prefix), limit=None
            ):
                candidates.setdefault(found, distance)
        if not candidates:
            return None
        return min(
            candidates,
            key=lambda p: (
                candidates[p],
                abs(len(p) - len(prefix)),
                -self.frequency[self.prefixes(len(p))[p]],
                p,
            ),
        )


def correct(vocabulary: Vocabulary, q: str, *, literal: bool = False) -> str | None:
    """The corrected query, or ``None`` when every word is known or nothing close is.

    A word is known when the vocabulary has it or its stem (search stems too); ``literal`` asks for
    the word itself, for title completion, which matches unstemmed words on PostgreSQL.
    """
    words = tokens(q)
    knows = vocabulary.frequency.__contains__ if literal else vocabulary.knows
    out: list[str] = []
    changed = False
    i = 0
    while i < len(words):
        word = words[i]
        if len(word) < MIN_WORD or word in STOP_WORDS or word.isdigit() or knows(word):
            # Two known-looking parts may still be one word split by the teacher ("lego mind storm").
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt and not knows(nxt) and (word + nxt) in vocabulary.frequency:
                out.append(word + nxt)
                changed, i = True, i + 2
                continue
            out.append(word)
            i += 1
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt and knows(word + nxt):
            replacement = word + nxt
            i += 2
        else:
            replacement = vocabulary.split(word) or vocabulary.closest(word)
            i += 1
        if replacement:
            out.append(replacement)
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None


def correct_prefix(vocabulary: Vocabulary, q: str) -> str | None:
    """Autocomplete input with typos fixed: whole words corrected, the last (partial) word's beginning."""
    words = tokens(q)
    if not words:
        return None
    head = correct(vocabulary, " ".join(words[:-1]), literal=True) if len(words) > 1 else None
    last = words[-1]
    fixed_last = None
    if not any(w.startswith(last) for w in vocabulary.prefixes(len(last))):
        fixed_last = vocabulary.closest_prefix(last)
    if head is None and fixed_last is None:
        return None
    return " ".join(filter(None, [head or " ".join(words[:-1]), fixed_last or last]))


_lock = threading.Lock()
_vocabularies: dict[str, Vocabulary] = {}


def vocabulary(using: str = "default", token: int | None = None) -> Vocabulary:
    """The vocabulary of index version ``token`` (default: the current one), built on first use."""
    if token is None:
        token = bitmaps.current(using).token
    cached = _vocabularies.get(using)
    if cached is None or cached.token != token:
        with _lock:
            cached = _vocabularies.get(using)
            if cached is None or cached.token != token:
                cached = _build(using, token)
                _vocabularies[using] = cached
    return _with_synonyms(cached)


def _build(using: str, token: int) -> Vocabulary:
    words_of: dict[int, set[str]] = defaultdict(set)
    placeholders = ", ".join(["%s"] * len(VOCABULARY_FACETS))
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT page_id, title, summary FROM {MATERIAL}")
        for page_id, title, summary in cursor.fetchall():
            words_of[page_id].update(tokens(f"{title} {summary}"))
        cursor.execute(
            f"SELECT material_id, label FROM {FACET} WHERE facet IN ({placeholders})", list(VOCABULARY_FACETS)
        )
        for material_id, label in cursor.fetchall():
            words_of[material_id].update(tokens(label))
    frequency = Counter(w for words in words_of.values() for w in words if len(w) >= MIN_WORD)
    return make_vocabulary(token, dict(frequency))


def make_vocabulary(token: int, frequency: dict[str, int]) -> Vocabulary:
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in frequency:
        by_length[len(word)].append(word)
    return Vocabulary(token, frequency, {stem(w) for w in frequency}, dict(by_length))


def _with_synonyms(base: Vocabulary) -> Vocabulary:
    """Add the editors' synonyms (cached separately: saving a synonym does not touch the index)."""
    extra = {w for group in synonym_groups() for phrase in group for w in phrase if len(w) >= MIN_WORD}
    extra -= base.frequency.keys()
    if not extra:
        return base
    key = frozenset(extra)
    if key not in base._merged:
        base._merged.clear()
        base._merged[key] = make_vocabulary(base.token, {**base.frequency, **dict.fromkeys(extra, 1)})
    return base._merged[key]


def forget() -> None:
    with _lock:
        _vocabularies.clear()
