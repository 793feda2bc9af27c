"""The Elasticsearch side: the ``LessonMaterial`` document, its Dutch analysis and the index settings.

Index-time analysis: standard tokenizer, lowercase, ASCII folding, compound splitting (the same head
words as the database backend, ``text.COMPOUND_HEADS``), Dutch stop words, Dutch stemmer.
Search-time analysis adds the editors' synonyms (``synonym_graph``, which Elasticsearch only allows at
search time; ``updateable`` so a synonym edit needs a reload, not a reindex).
"""

from __future__ import annotations

from elasticsearch_dsl import (
    Completion,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Object,
    Text,
    analyzer,
    token_filter,
)

from .facets import FACET_KEYS
from .text import COMPOUND_HEADS, MIN_COMPOUND_MODIFIER, stem, tokens

FACET_SEPARATOR = "\x1f"
dutch_stop = token_filter("dutch_stop", type="stop", stopwords="_dutch_")
dutch_stemmer = token_filter("dutch_stemmer", type="stemmer", language="dutch")
# "zonnepanelen" is indexed as itself and as "panelen", so "paneel" finds it.
compound_filter = token_filter(
    "dutch_compounds",
    type="dictionary_decompounder",
    word_list=list(COMPOUND_HEADS),
    min_subword_size=MIN_COMPOUND_MODIFIER,
    only_longest_match=True,
)


def synonym_filter(synonyms: list[list[str]]):
    rules = [", ".join(group) for group in synonyms if len(group) > 1] or ["leskist, lespakket"]
    return token_filter("dutch_synonyms", type="synonym_graph", synonyms=rules, updateable=True)


# Spelling vocabulary: titles, summaries and taxonomy labels as plain folded words (no stemming, so
# suggestions are words a teacher recognises), and as 2-3 word shingles for the phrase suggester.
spelling_shingles = token_filter("spelling_shingles", type="shingle", min_shingle_size=2, max_shingle_size=3)
spelling_analyzer = analyzer("spelling", tokenizer="standard", filter=["lowercase", "asciifolding"])
spelling_shingle_analyzer = analyzer(
    "spelling_shingle", tokenizer="standard", filter=["lowercase", "asciifolding", spelling_shingles]
)
SPELLING_FACETS = ("target_group", "theme", "tech_world", "core_goal")

dutch_index_analyzer = analyzer(
    "dutch_index",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", compound_filter, dutch_stop, dutch_stemmer],
)


def dutch_search_analyzer(synonyms: list[list[str]]):
    return analyzer(
        "dutch_search",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", synonym_filter(synonyms), dutch_stop, dutch_stemmer],
    )


def _text(search_analyzer, **kwargs) -> Text:
    return Text(analyzer=dutch_index_analyzer, search_analyzer=search_analyzer, **kwargs)


def document_class(synonyms: list[list[str]]) -> type[Document]:
    """The document class, built per synonym set because the search analyzer carries the synonyms."""
    search = dutch_search_analyzer(synonyms)
    attrs = {
        "title": _text(search, fields={"raw": Keyword(normalizer="lowercase")}),
        "summary": _text(search),
        "body": _text(search),
        "attachments": _text(search),
        "suggest": Completion(analyzer="simple"),
        "spelling": Text(
            analyzer=spelling_analyzer, fields={"shingles": Text(analyzer=spelling_shingle_analyzer)}
        ),
        "url": Keyword(index=False),
        "published_at": Date(),
        "duration_minutes": Integer(),
        "download_count": Integer(),
        "facet_terms": Object(enabled=False),
        **{key: Keyword() for key in FACET_KEYS},
        # "value<US>label<US>position": aggregating on it gives labels and order without a lookup.
        **{f"{key}_bucket": Keyword() for key in FACET_KEYS},
    }
    return type("LessonMaterialDocument", (Document,), attrs)


def build_index(name: str, synonyms: list[list[str]]) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, max_result_window=10_000)
    index.document(document_class(synonyms))
    return index


def suggest_inputs(title: str) -> list[str]:
    """The title and every tail of it, so "spaghettit" completes "De hoogste spaghettitoren"."""
    words = title.replace("-", " ").split()
    return [title, *(" ".join(words[i:]) for i in range(1, len(words)))]


def spelling_text(material, synonyms: list[list[tuple[str, ...]]] = ()) -> str:
    """The kit's own words for the phrase suggester: title, summary, taxonomy labels, and every term of
    an editors' synonym group one of those words (or its stem) belongs to (so "mikrobit" corrects to a synonym
    of a word the kit uses, as on the database backend). Synonym edits reach it with the next rebuild.
    """
    lines = [
        material.title,
        material.summary,
        *(t.label for key in SPELLING_FACETS for t in material.facets.get(key, [])),
    ]
    stems = {stem(word) for word in tokens(" ".join(lines))}
    for group in synonyms:
        used = [phrase for phrase in group if phrase and {stem(word) for word in phrase} <= stems]
        if used:
            lines.extend(" ".join(phrase) for phrase in group if phrase not in used)
    return "\n".join(lines)


def material_to_source(material, synonyms: list[list[tuple[str, ...]]] = ()) -> dict:
    source = {
        "title": material.title,
        "summary": material.summary,
        "body": material.body,
        "attachments": material.attachment_text,
        "suggest": {"input": suggest_inputs(material.title)},
        "spelling": spelling_text(material, synonyms),
        "url": material.url,
        "published_at": material.published_at,
        "duration_minutes": material.duration_minutes,
        "download_count": material.download_count,
        "facet_terms": material.facets_json(),
    }
    for key in FACET_KEYS:
        terms = material.facets.get(key, [])
        source[key] = [t.value for t in terms]
        source[f"{key}_bucket"] = [FACET_SEPARATOR.join((t.value, t.label, str(t.position))) for t in terms]
    return source
