import pytest

from search.text import (
    compound_head,
    fold,
    highlight,
    stem,
    stemmed_index_text,
    with_compound_heads,
)


def test_inflections_of_bouwen_share_one_stem():
    assert {stem(w) for w in ("bouwen", "gebouwd", "bouw")} == {"bouw"}


def test_singular_and_plural_with_long_vowel_share_one_stem():
    assert stem("magneet") == stem("magneten")
    assert stem("brug") == stem("bruggen")


def test_fold_strips_accents_and_case():
    assert fold("Één Café") == "een cafe"


def test_the_index_text_splits_punctuation():
    assert stemmed_index_text("micro:bit 3D-printen") == "micro bit 3d print"


def test_highlight_marks_inflected_matches_and_escapes_html():
    snippet = highlight("Wij hebben <samen> een brug gebouwd.", {"bouw", "brug"})
    assert snippet == "Wij hebben &lt;samen&gt; een <mark>brug</mark> <mark>gebouwd</mark>."


def test_highlight_is_empty_without_a_match():
    assert highlight("Een toren van spaghetti.", {"bouw"}) == ""


def test_highlight_cuts_long_text_around_the_match():
    text = "woord " * 100 + "magneet " + "woord " * 100
    snippet = highlight(text, {stem("magneet")}, width=80)
    assert "<mark>magneet</mark>" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) < 120


@pytest.mark.parametrize(
    ("word", "head"),
    [
        ("zonnepanelen", "paneel"),
        ("windmolen", "molen"),
        ("waterraket", "raket"),
        ("spaghettitoren", "toren"),
        ("paneel", None),  # the head word itself is no compound
        ("bruggen", None),
        ("leerlingen", None),
    ],
)
def test_compound_heads(word, head):
    assert compound_head(word) == head


def test_the_index_text_carries_each_compound_head_once():
    assert with_compound_heads("Twee zonnepanelen en een zonnepaneel") == (
        "Twee zonnepanelen en een zonnepaneel paneel"
    )
    assert with_compound_heads("Geen samenstellingen hier") == "Geen samenstellingen hier"


def test_the_fts_index_text_stems_the_text_and_its_compound_heads():
    text = "Bouw een windmolen en twee zonnepanelen"
    assert stemmed_index_text(text) == "bouw en windmol en twe zonnepanel mol panel"
    assert stemmed_index_text(text).split()[-2:] == [stem("molen"), stem("paneel")]
