"""The "Vergelijkbare leskisten" section on a lesson kit page."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def similar_section(client, kit):
    response = client.get(kit.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id="similar-heading")


def test_kit_page_shows_similar_published_kits_as_cards(client, databank):
    kits = databank.kits
    heading = similar_section(client, kits["brug"])
    assert heading.get_text(strip=True) == "Vergelijkbare leskisten"
    cards = heading.find_parent("section").select(".card")
    titles = [card.select_one(".card__title a").get_text(strip=True) for card in cards]
    assert titles[0] == "De hoogste spaghettitoren"
    assert cards[0].select_one(".card__title a")["href"].endswith("/de-hoogste-spaghettitoren/")
    assert "Bruggen bouwen van papier" not in titles
    assert not {"Bruggen concept", "Bruggen voor leden", "Bruggen van vroeger"} & set(titles)
    assert len(titles) <= 6


def test_a_kit_with_nothing_alike_shows_no_empty_section(client, databank):
    for key in ("toren", "zon", "microbit", "kompas"):
        databank.kits[key].unpublish()
    assert similar_section(client, databank.kits["brug"]) is None
