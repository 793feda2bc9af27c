"""Text handling shared by the embedded backend: folding, tokenising, Dutch stemming, highlighting.

SQLite's FTS5 has no Dutch stemmer, so the database backend stores *stemmed* text in its FTS table
and stems queries the same way; highlighting maps stems back onto the original words.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
TAG_RE = re.compile(r"<[^>]+>")
_DOUBLE_VOWEL_RE = re.compile(r"(aa|ee|oo|uu)")
_stemmer = snowballstemmer.stemmer("dutch")

# Very common Dutch function words: they match nearly every kit and would only add noise to ranking.
STOP_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "te",
        "met",
        "voor",
        "aan",
        "is",
        "zijn",
        "je",
        "jij",
        "ze",
        "we",
        "wij",
        "die",
        "dat",
        "dit",
        "er",
        "of",
        "als",
        "om",
        "bij",
        "door",
        "naar",
        "over",
        "uit",
        "tot",
        "ook",
        "maar",
        "dan",
        "nog",
        "niet",
        "wel",
        "hoe",
        "wat",
        "wie",
        "waar",
        "welke",
        "kan",
        "kun",
    ]
)


def fold(text: str) -> str:
    """Lowercase and strip accents ("één" -> "een", "café" -> "cafe")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_tags(value: str) -> str:
    return html.unescape(TAG_RE.sub(" ", value or ""))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Snowball's Dutch stem of a folded word, with long vowels undoubled.

    Snowball keeps "magneet" but gives "magnet" for "magneten"; undoubling makes the singular and
    plural (and "bouw"/"bouwen"/"gebouwd") meet on one stem.
    """
    stemmed = _stemmer.stemWord(word)
    return _DOUBLE_VOWEL_RE.sub(lambda m: m.group(0)[0], stemmed)


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(fold(text))


def highlight(text: str, stems: set[str], *, width: int = 160, mark: str = "mark") -> str:
    """An HTML-escaped snippet of ``text`` around the first matched word, matches wrapped in ``<mark>``.

    Returns "" when nothing in ``text`` matches.
    """
    if not text or not stems:
        return ""
    if stems.isdisjoint(map(stem, TOKEN_RE.findall(fold(text)))):
        return ""  # the common case for long fields, decided by C-level loops (stem hits its cache)
    tokens_iter = TOKEN_RE.finditer(text)
    first_match = next((m for m in tokens_iter if stem(fold(m.group(0))) in stems), None)
    if first_match is None:
        return ""
    first = first_match.start()
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    out, pos = [], start
    for m in (first_match, *TOKEN_RE.finditer(text, first_match.end(), end)):
        if m.end() > end or stem(fold(m.group(0))) not in stems:
            continue
        out.append(html.escape(text[pos : m.start()]))
        out.append(f"<{mark}>{html.escape(m.group(0))}</{mark}>")
        pos = m.end()
    out.append(html.escape(text[pos:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(out) + suffix


# --- Dutch compounds --------------------------------------------------------------------------

#: Words that often end a technical compound ("zonnepaneel", "windmolen", "waterraket"), singular and
#: plural. Indexing adds the head word next to the compound, so "paneel" finds "zonnepanelen"; the
#: Elasticsearch analyzer splits the same words (``documents.compound_filter``).
COMPOUND_HEADS = (
    "paneel",
    "panelen",
    "molen",
    "molens",
    "raket",
    "raketten",
    "kring",
    "kringen",
    "auto",
    "autos",
    "boot",
    "boten",
    "robot",
    "robots",
    "brug",
    "bruggen",
    "toren",
    "torens",
    "lamp",
    "lampen",
    "lampje",
    "lampjes",
    "motor",
    "motoren",
    "stroom",
    "energie",
    "printer",
    "printers",
    "huis",
    "huizen",
    "wagen",
    "wagens",
    "machine",
    "machines",
    "sensor",
    "sensoren",
    "schip",
    "schepen",
    "pomp",
    "pompen",
    "kabel",
    "kabels",
    "draad",
    "draden",
    "schakelaar",
    "schakelaars",
    "batterij",
    "batterijen",
    "magneet",
    "magneten",
    "wiel",
    "wielen",
    "klok",
    "klokken",
    "meter",
    "meters",
    "dak",
    "daken",
    "kas",
    "kassen",
    "cel",
    "cellen",
    "licht",
    "vliegtuig",
    "vliegtuigen",
    "drone",
    "drones",
    "tuin",
    "tuinen",
)
MIN_COMPOUND_MODIFIER = 3  # "zon|ne" + "paneel": at least 3 letters before the head word


@lru_cache(maxsize=1)
def _heads_by_length() -> dict[int, dict[str, str]]:
    """Stemmed head -> base form, grouped by the stem's length (a few suffix lookups per word)."""
    grouped: dict[int, dict[str, str]] = {}
    for word in COMPOUND_HEADS:
        head = stem(word)
        grouped.setdefault(len(head), {}).setdefault(head, word)
    return grouped


@lru_cache(maxsize=50_000)
def compound_head(word: str) -> str | None:
    """The head word of a compound ("zonnepanelen" -> "paneel"), or ``None`` (for a folded word)."""
    stemmed = stem(word)
    for length, heads in _heads_by_length().items():
        if len(stemmed) - length >= MIN_COMPOUND_MODIFIER and (head := heads.get(stemmed[-length:])):
            return head
    return None


def _compound_heads(words: list[str]) -> list[str]:
    """The head words of the compounds among (folded) ``words``, each once."""
    return list(dict.fromkeys(h for w in words if len(w) > 5 and (h := compound_head(w))))


def with_compound_heads(text: str) -> str:
    """``text`` plus the head words of its compounds, for PostgreSQL's full-text index."""
    heads = _compound_heads(tokens(text))
    return f"{text} {' '.join(heads)}" if heads else text


def stemmed_index_text(text: str) -> str:
    """What the FTS5 table stores: the stems of ``text`` and of its compounds' heads (one tokenising pass)."""
    words = tokens(text)
    return " ".join([*map(stem, words), *map(stem, _compound_heads(words))])
