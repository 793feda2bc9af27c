"""The public loan pages: the kit page section, the reservation form and the manage page."""

import uuid

import pytest
from django.urls import reverse

from cms.loans.models import Reservation
from cms.loans.tokens import make_manage_token
from tests.factories import LessonKitPageFactory

from .factories import CopyFactory, ReservationFactory, next_monday

pytestmark = pytest.mark.django_db


def form_data(copy, **overrides) -> dict:
    data = {
        "item": copy.item_id,
        "pickup_point": copy.pickup_point_id,
        "start_week": next_monday().isoformat(),
        "weeks": 1,
        "school_brin": "12AB",
        "school_name": "OBS De Regenboog",
        "school_street": "Schoolstraat 1",
        "school_postcode": "3011 AB",
        "school_city": "Rotterdam",
        "contact_name": "Juf Anna",
        "email": "anna@regenboog.nl",
        "privacy_consent": "on",
        "idempotency_key": uuid.uuid4().hex,
        "website": "",
    }
    data.update(overrides)
    return data


def test_kit_page_shows_free_weeks_and_a_reserve_link(client, region_site):
    kit = LessonKitPageFactory(parent=region_site.databank)
    copy = CopyFactory(item__lesson_kit=kit)
    response = client.get(kit.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("loans:reserve", args=[copy.item_id]) in html
    assert copy.pickup_point.name in html


def test_kit_page_without_lendable_box_has_no_loan_section(client, region_site):
    kit = LessonKitPageFactory(parent=region_site.databank)
    assert 'id="loan-heading"' not in client.get(kit.url).content.decode()


def test_reservation_form_books_and_redirects(client):
    copy = CopyFactory()
    response = client.post(reverse("loans:reserve", args=[copy.item_id]), form_data(copy))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Reservation.objects.get().copy == copy
    done = client.get(response.url)
    assert copy.inventory_number in done.content.decode()


def test_reservation_form_shows_dutch_errors(client):
    copy = CopyFactory()
    response = client.post(
        reverse("loans:reserve", args=[copy.item_id]), form_data(copy, email="x", privacy_consent="")
    )
    assert response.status_code == 400
    assert "privacyverklaring" in response.content.decode()
    assert not Reservation.objects.exists()


def test_honeypot_refuses(client):
    copy = CopyFactory()
    response = client.post(
        reverse("loans:reserve", args=[copy.item_id]), form_data(copy, website="http://spam")
    )
    assert response.status_code == 400 and not Reservation.objects.exists()


def test_double_submit_reserves_once(client):
    copy = CopyFactory()
    CopyFactory(item=copy.item, pickup_point=copy.pickup_point)
    data = form_data(copy)
    client.post(reverse("loans:reserve", args=[copy.item_id]), data)
    client.post(reverse("loans:reserve", args=[copy.item_id]), data)
    assert Reservation.objects.count() == 1


def test_manage_page_get_changes_nothing_post_cancels(client):
    reservation = ReservationFactory()
    url = reverse("loans:manage", args=[make_manage_token(reservation)])
    assert client.get(url).status_code == 200
    reservation.refresh_from_db()
    assert reservation.status == Reservation.Status.CONFIRMED
    response = client.post(url, {"action": "cancel"})
    assert response.status_code == 200
    reservation.refresh_from_db()
    assert reservation.status == Reservation.Status.CANCELLED


def test_manage_page_refuses_a_forged_link(client):
    assert client.get(reverse("loans:manage", args=["vals"])).status_code == 400
