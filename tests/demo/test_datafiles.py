"""The demo content as YAML data files (cms/demo/data/): they parse, and what they hold is what the seed makes."""

import pytest

from cms.demo import datafiles
from cms.demo.datafiles import DemoDataError, load, lookup, stream


@pytest.mark.parametrize("name", datafiles.FILES)
def test_every_data_file_parses_to_sections(name):
    data = load(name)
    assert data and all(value for value in data.values()), name


def test_no_data_file_is_left_unread():
    assert {path.stem for path in datafiles.DATA_DIR.glob("*.yaml")} == set(datafiles.FILES)


def test_dates_stay_text_with_or_without_quotes():
    challenge = load("challenges")["challenges"][0]
    assert isinstance(challenge["phases"][0]["start"], str)
    assert isinstance(load("news")["news"][0]["date"], str)


def test_blocks_are_written_as_type_and_value():
    assert stream([{"heading": "Titel"}, {"paragraph": "<p>Tekst</p>"}]) == [
        {"type": "heading", "value": {"text": "Titel", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Tekst</p>"},
    ]
    with pytest.raises(DemoDataError, match="block_type: value"):
        stream([{"heading": "Titel", "paragraph": "<p>Tekst</p>"}])


def test_an_unknown_reference_names_the_entry():
    with pytest.raises(DemoDataError, match="kits.yaml bruggen-bouwen: unknown theme 'bruggen'"):
        lookup({"constructies": 1}, "bruggen", "theme", "kits.yaml bruggen-bouwen")
