"""The techniekhuis page shows its bookable lessons through the techniekhuis_page_sections hook."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import TechniekhuisPageFactory

from .factories import LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db


def test_techniekhuis_page_lists_its_offerings_with_open_slots(client, region_site):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen)
    other = TechniekhuisPageFactory(parent=region_site.techniekhuizen)
    offering = LessonOfferingFactory(techniekhuis=house, title="Bouw een windmolen")
    open_slot = TimeSlotFactory(offering=offering, capacity_classes=4)
    TimeSlotFactory(offering=offering, booking_deadline=timezone.now() - dt.timedelta(hours=1))
    LessonOfferingFactory(techniekhuis=other, title="Robots programmeren")

    html = client.get(house.get_url()).content.decode()

    assert "Een les boeken" in html
    assert "Bouw een windmolen" in html
    assert "Robots programmeren" not in html
    assert f"/boeken/tijdslot/{open_slot.pk}/" in html
    assert html.count("/boeken/tijdslot/") == 1
    assert "nog 4 plekken" in html


def test_techniekhuis_without_offerings_shows_no_booking_section(client, region_site):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen)
    assert "Een les boeken" not in client.get(house.get_url()).content.decode()


def test_bookable_lessons_come_first_on_the_techniekhuis_page(client, region_site):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen, how_to_get_there="<p>Met de tram</p>")
    TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=house, title="Bouw een windmolen"))

    html = client.get(house.get_url()).content.decode()

    assert html.index("Een les boeken") < html.index("Met de tram")
    assert 'class="button slot__button"' in html
