"""``/api/v3/schools/``: finding a school of any type by BRIN code or name, for its id."""

import pytest

from cms.snippets.models import School
from tests.api.problems import assert_problem
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db

URL = "/api/v3/schools/"


def test_schools_of_every_type_are_found_by_name_with_their_type(client):
    SchoolFactory(name="OBS De Brug", brin_code="12AB", school_type=School.SchoolType.PO)
    vmbo = SchoolFactory(
        name="Vmbo De Brug", brin_code="23CD", school_type=School.SchoolType.VMBO, city="Gouda"
    )

    found = client.get(URL, {"q": "brug"}).json()

    assert [(s["name"], s["school_type"]) for s in found["items"]] == [
        ("OBS De Brug", "po"),
        ("Vmbo De Brug", "vmbo"),
    ]
    assert found["items"][1] == {
        "id": vmbo.pk,
        "name": "Vmbo De Brug",
        "brin_code": "23CD",
        "city": "Gouda",
        "school_type": "vmbo",
    }


def test_a_four_character_brin_code_finds_every_location_of_the_school(client):
    SchoolFactory(name="Da Vinci College Leerpark", brin_code="25LP00")
    SchoolFactory(name="Da Vinci College Gorinchem", brin_code="25LP01")
    SchoolFactory(name="Een ander college", brin_code="25LQ00")

    found = client.get(URL, {"q": "25lp"}).json()

    assert [s["brin_code"] for s in found["items"]] == ["25LP01", "25LP00"]  # by name


def test_look_ups_beyond_the_rate_limit_answer_429(client, settings):
    settings.RATE_LIMITS = {"school_lookup": (2, 600)}
    one_school_network = {"REMOTE_ADDR": "10.20.30.40"}
    for _ in range(2):
        assert client.get(URL, {"q": "brug"}, **one_school_network).status_code == 200

    response = client.get(URL, {"q": "brug"}, **one_school_network)

    assert_problem(response, 429)
    assert int(response["Retry-After"]) > 0
