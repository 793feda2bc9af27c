"""The booking form in the house form style: an error summary linking to fields, errors beside them, once."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import SchoolFactory

from .factories import TimeSlotFactory
from .test_views import form_data

pytestmark = pytest.mark.django_db


def post(client, slot, **overrides) -> BeautifulSoup:
    response = client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot, **overrides))
    assert response.status_code == 400
    return BeautifulSoup(response.content, "html.parser")


def test_errors_are_summarised_at_the_top_with_links_to_their_fields(client):
    slot = TimeSlotFactory(capacity_classes=3)
    soup = post(client, slot, email="geen-adres", pupils="0", privacy_consent="")

    summary = soup.select_one("[data-error-summary]")
    links = {a["href"]: a.get_text() for a in summary.select("a")}
    assert summary["role"] == "alert"
    assert set(links) == {"#id_email", "#id_pupils", "#id_privacy_consent"}
    for href, message in links.items():
        field = soup.select_one(href)
        assert field["aria-invalid"] == "true"
        # The same message stands next to the field, and the field points at it.
        error = soup.select_one(f"#{field['aria-describedby'].split()[-1]}")
        assert message in error.get_text()


def test_no_school_at_all_is_one_message_not_one_per_field(client):
    slot = TimeSlotFactory(capacity_classes=3)
    empty_school = dict.fromkeys(
        ["school_lookup", "school_name", "school_brin", "school_street", "school_postcode", "school_city"], ""
    )
    soup = post(client, slot, **empty_school)

    messages = [li.get_text() for li in soup.select(".error-summary__list li")]
    assert messages == [
        "Zoek je school op, of vul hieronder de gegevens van je school in als we die nog niet kennen."
    ]
    assert len(soup.select(".form-field__error")) == 1
    assert soup.select_one("#id_school_lookup")["aria-invalid"] == "true"


def test_a_half_filled_new_school_names_each_missing_field(client):
    slot = TimeSlotFactory(capacity_classes=3)
    soup = post(client, slot, school_street="", school_city="")

    messages = [li.get_text() for li in soup.select(".error-summary__list li")]
    assert messages == [
        "Straat en huisnummer: nodig voor een nieuwe school.",
        "Plaats: nodig voor een nieuwe school.",
    ]


def test_inputs_tell_phones_and_autofill_what_they_hold(client):
    slot = TimeSlotFactory(capacity_classes=3)
    soup = BeautifulSoup(client.get(f"/boeken/tijdslot/{slot.pk}/").content, "html.parser")

    def attrs(name: str) -> tuple:
        field = soup.select_one(f"[name={name}]")
        return field.get("type"), field.get("autocomplete"), field.get("inputmode")

    assert attrs("contact_name") == ("text", "name", None)
    assert attrs("email") == ("email", "email", None)
    assert attrs("phone") == ("tel", "tel", "tel")
    assert attrs("pupils") == ("number", "off", "numeric")
    assert attrs("school_postcode") == ("text", "section-school postal-code", None)
    assert not soup.select("[data-error-summary]")


def test_a_missing_field_is_named_in_its_message(client):
    slot = TimeSlotFactory(capacity_classes=3)
    soup = post(client, slot, contact_name="", pupils="")

    messages = [li.get_text() for li in soup.select(".error-summary__list li")]
    assert messages == ["Contactpersoon: dit veld is verplicht.", "Aantal leerlingen: dit veld is verplicht."]


def test_the_new_school_details_stay_folded_until_a_teacher_needs_them(client):
    slot = TimeSlotFactory(capacity_classes=3)
    fresh = BeautifulSoup(client.get(f"/boeken/tijdslot/{slot.pk}/").content, "html.parser")
    half_filled = post(client, slot, school_street="")

    assert not fresh.select_one("details[data-new-school]").has_attr("open")
    assert half_filled.select_one("details[data-new-school]").has_attr("open")


def test_a_school_chosen_from_the_suggestions_is_named_again_after_an_error(client):
    school = SchoolFactory(name="OBS De Regenboog", brin_code="12AB", city="Rotterdam")
    slot = TimeSlotFactory(capacity_classes=3)
    no_new_school = dict.fromkeys(
        ["school_name", "school_brin", "school_street", "school_postcode", "school_city"], ""
    )

    soup = post(
        client, slot, school=school.pk, school_lookup="OBS De Regenboog", email="geen-adres", **no_new_school
    )

    chosen = soup.select_one("[data-chosen-school]")
    assert not chosen.has_attr("hidden")
    assert chosen.get_text(" ", strip=True) == "Gekozen school: OBS De Regenboog (12AB), Rotterdam"
    assert soup.select_one("input[name=school]")["value"] == str(school.pk)
    assert not soup.select_one("details[data-new-school]").has_attr("open")
