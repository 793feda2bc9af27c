"""A lesson meant for some groups is booked only for those: one rule for the form, the API and the admin."""

import pytest
from bs4 import BeautifulSoup

from cms.bookings import services
from cms.bookings.models import Booking
from tests.factories import TargetGroupFactory

from .factories import LessonOfferingFactory, TimeSlotFactory
from .test_api import post, valid_payload
from .test_views import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def slot_for_5_6():
    offering = LessonOfferingFactory()
    offering.target_groups.set(
        [
            TargetGroupFactory(name="po groep 5/6", slug="po-groep-5-6"),
            TargetGroupFactory(name="vmbo onderbouw", slug="vmbo-onderbouw", level="vmbo"),
        ]
    )
    return TimeSlotFactory(offering=offering, capacity_classes=3)


def test_the_groups_of_a_lesson_come_from_its_primary_target_groups(slot_for_5_6):
    assert services.offering_groups(slot_for_5_6.offering) == [5, 6]
    assert services.offering_groups(LessonOfferingFactory()) == [3, 4, 5, 6, 7, 8]  # none named: all


def test_the_form_offers_only_the_lessons_groups_and_no_default(client, slot_for_5_6):
    soup = BeautifulSoup(client.get(f"/boeken/tijdslot/{slot_for_5_6.pk}/").content, "html.parser")
    options = [(o["value"], o.get_text(), o.has_attr("selected")) for o in soup.select("#id_group option")]
    assert options == [("", "Kies een groep", True), ("5", "groep 5", False), ("6", "groep 6", False)]


def test_a_group_the_lesson_is_not_meant_for_is_refused_next_to_the_field(client, slot_for_5_6):
    response = client.post(f"/boeken/tijdslot/{slot_for_5_6.pk}/", form_data(slot_for_5_6, group="3"))
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 400
    assert "Deze les is bedoeld voor groep 5 en 6." in soup.select_one("#id_group_error").get_text()
    assert not Booking.objects.exists()


def test_the_service_refuses_it_too(slot_for_5_6):
    with pytest.raises(services.BookingError) as error:
        services.check_group(3, slot_for_5_6.offering)
    assert error.value.field == "group"
    services.check_group(6, slot_for_5_6.offering)


def test_the_api_refuses_it(client, slot_for_5_6):
    response = post(client, valid_payload(slot_for_5_6, group=3))
    assert response.status_code == 400
    assert "Deze les is bedoeld voor groep 5 en 6." in response.content.decode()
    assert not Booking.objects.exists()
