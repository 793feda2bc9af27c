"""The public booking form (works without JavaScript), its confirmation and the cancel page."""

import datetime as dt
import re
import uuid

import pytest
from django.utils import timezone

from cms.bookings import services, tokens
from cms.bookings.models import Booking, TimeSlot
from cms.snippets.models import School
from tests.factories import SchoolFactory

from .factories import BookingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db


def form_data(slot, /, **overrides) -> dict:
    data = {
        "slot": slot.pk,
        "school": "",
        "school_name": "OBS De Regenboog",
        "school_brin": "12ab",
        "school_street": "Schoolstraat 1",
        "school_postcode": "3011ab",
        "school_city": "Rotterdam",
        "contact_name": "Juf Anna",
        "email": "anna@regenboog.nl",
        "phone": "",
        "group": "6",
        "pupils": "24",
        "notes": "",
        "privacy_consent": "on",
        "waitlist": "on",
        "idempotency_key": uuid.uuid4().hex,
        "website": "",
    }
    data.update(overrides)
    return data


def test_form_page_renders_with_hidden_key_and_honeypot(client):
    slot = TimeSlotFactory(capacity_classes=3)
    response = client.get(f"/boeken/tijdslot/{slot.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="idempotency_key"' in html
    assert 'name="website"' in html
    assert "3 plaatsen" in html or "3 class places left" in html


def test_posting_the_form_books_and_shows_confirmation(client):
    slot = TimeSlotFactory(capacity_classes=3)
    response = client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot), follow=True)
    assert response.status_code == 200
    assert Booking.objects.get().status == Booking.Status.CONFIRMED
    assert School.objects.get().postcode == "3011 AB"
    assert response.redirect_chain[0][0].startswith("/boeken/bevestiging/")
    slot.refresh_from_db()
    assert slot.classes_left == 2


def test_double_submit_makes_one_booking(client):
    slot = TimeSlotFactory(capacity_classes=3)
    data = form_data(slot)
    client.post(f"/boeken/tijdslot/{slot.pk}/", data)
    client.post(f"/boeken/tijdslot/{slot.pk}/", data)
    assert Booking.objects.count() == 1


def test_choosing_a_known_school_needs_no_new_school_fields(client):
    school = SchoolFactory()
    slot = TimeSlotFactory()
    data = form_data(
        slot,
        school=school.pk,
        school_name="",
        school_brin="",
        school_street="",
        school_postcode="",
        school_city="",
    )
    assert client.post(f"/boeken/tijdslot/{slot.pk}/", data).status_code == 302
    assert Booking.objects.get().school == school


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"school_brin": "1234"}, "BRIN"),
        ({"school_postcode": "12345"}, "postcode"),
        ({"email": "geen-email"}, "e-mailadres"),
        ({"pupils": "0"}, "leerling"),
        ({"pupils": "500"}, "leerling"),
        ({"privacy_consent": ""}, "privacyverklaring"),
        ({"notes": "<script>alert(1)</script>"}, "HTML"),
        ({"website": "spam"}, "verwerkt"),
    ],
)
def test_bad_input_shows_dutch_errors_and_saves_nothing(client, overrides, message):
    slot = TimeSlotFactory()
    response = client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Booking.objects.exists()


def test_full_slot_without_waitlist_shows_error_and_with_waitlist_books_waiting(client):
    slot = TimeSlotFactory(capacity_classes=1)
    BookingFactory(slot=slot)
    TimeSlot.objects.filter(pk=slot.pk).update(booked_classes=1)  # the place the booking holds
    refused = client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot, waitlist=""))
    assert refused.status_code == 400
    assert Booking.objects.count() == 1
    client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot))
    assert Booking.objects.filter(status=Booking.Status.WAITLISTED).count() == 1


def test_closed_slot_page_is_not_found(client):
    slot = TimeSlotFactory(booking_deadline=timezone.now() - dt.timedelta(hours=1))
    assert client.get(f"/boeken/tijdslot/{slot.pk}/").status_code == 404


def test_form_is_rate_limited_per_ip(client, settings):
    settings.RATE_LIMITS = {"bookings": (1, 60)}
    slot = TimeSlotFactory(capacity_classes=5)
    assert client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot)).status_code == 302
    refused = client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot))
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert Booking.objects.count() == 1


def cancel_path(booking) -> str:
    return f"/boeken/annuleren/{tokens.make_cancel_token(booking)}/"


def test_cancel_link_get_only_asks_and_post_cancels_once():
    from django.test import Client

    client = Client()
    slot = TimeSlotFactory(capacity_classes=1)
    booking = services.book_slot(_request(slot)).booking
    waiting = services.book_slot(_request(slot, waitlist=True)).booking

    page = client.get(cancel_path(booking))
    assert page.status_code == 200
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED, "a GET (mail scanner) must not cancel"

    assert client.post(cancel_path(booking)).status_code == 200
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert waiting.status == Booking.Status.CONFIRMED, "the waiting list moves up"
    slot.refresh_from_db()
    assert slot.booked_classes == 1

    again = client.post(cancel_path(booking))
    assert again.status_code == 400
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.CONFIRMED


@pytest.mark.parametrize("mangle", [lambda t: t[:-2] + "xx", lambda t: re.sub(r"^[^:]+", "eyJiIjoxfQ", t)])
def test_forged_cancel_link_is_refused(client, mangle):
    booking = BookingFactory()
    token = mangle(tokens.make_cancel_token(booking))
    assert client.post(f"/boeken/annuleren/{token}/").status_code == 400
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_token_of_one_booking_cannot_cancel_another(client):
    a, b = BookingFactory(), BookingFactory()
    token = tokens.make_cancel_token(a)
    client.post(f"/boeken/annuleren/{token}/")
    b.refresh_from_db()
    assert b.status == Booking.Status.CONFIRMED


def _request(slot, **kw):
    from .conftest import make_request

    return make_request(slot, **kw)


# --- finding the school by BRIN code or name (no list of every school) ---------------------------


def lookup_data(slot, lookup, **overrides) -> dict:
    return form_data(
        slot,
        school_lookup=lookup,
        school_name="",
        school_brin="",
        school_street="",
        school_postcode="",
        school_city="",
        **overrides,
    )


def test_form_page_does_not_list_every_school(client):
    slot = TimeSlotFactory(capacity_classes=3)
    SchoolFactory(name="OBS Lijstschool")
    html = client.get(f"/boeken/tijdslot/{slot.pk}/").content.decode()
    assert 'name="school_lookup"' in html
    assert "OBS Lijstschool" not in html


@pytest.mark.parametrize("typed", ["12cd", " 12 CD ", "OBS de Zonnewijzer", " obs  DE zonnewijzer"])
def test_typing_the_brin_or_full_name_of_a_known_school_books_for_it(client, typed):
    slot = TimeSlotFactory(capacity_classes=3)
    school = SchoolFactory(name="OBS De Zonnewijzer", brin_code="12CD")
    SchoolFactory(name="CBS De Regenboog", brin_code="34EF")
    response = client.post(f"/boeken/tijdslot/{slot.pk}/", lookup_data(slot, typed))
    assert response.status_code == 302
    assert Booking.objects.get().school == school
    assert School.objects.count() == 2


@pytest.mark.parametrize("typed", ["zonnewijzer", "12CD"])
def test_a_partly_matching_school_is_offered_to_confirm_never_picked_silently(client, typed):
    slot = TimeSlotFactory(capacity_classes=3)
    school = SchoolFactory(name="OBS De Zonnewijzer", brin_code="12CD01")
    data = lookup_data(slot, typed)
    response = client.post(f"/boeken/tijdslot/{slot.pk}/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert not Booking.objects.exists()
    assert f'type="radio" name="school" value="{school.pk}"' in html

    response = client.post(f"/boeken/tijdslot/{slot.pk}/", {**data, "school": school.pk})
    assert response.status_code == 302
    assert Booking.objects.get().school == school


def test_several_matching_schools_are_offered_as_a_choice_and_the_choice_books(client):
    slot = TimeSlotFactory(capacity_classes=3)
    north = SchoolFactory(name="OBS De Regenboog Noord", brin_code="12CD", city="Groningen")
    SchoolFactory(name="OBS De Regenboog Zuid", brin_code="34EF")
    data = lookup_data(slot, "regenboog")
    response = client.post(f"/boeken/tijdslot/{slot.pk}/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert not Booking.objects.exists()
    assert "Meerdere scholen passen bij" in html
    assert f'type="radio" name="school" value="{north.pk}"' in html
    assert "OBS De Regenboog Noord (12CD), Groningen" in html

    response = client.post(f"/boeken/tijdslot/{slot.pk}/", {**data, "school": north.pk})
    assert response.status_code == 302
    assert Booking.objects.get().school == north


def test_unknown_brin_or_name_explains_how_to_register_the_school(client):
    slot = TimeSlotFactory(capacity_classes=3)
    SchoolFactory(name="OBS De Zonnewijzer", brin_code="12CD")
    for typed in ("99ZZ", "Bestaat niet"):
        response = client.post(f"/boeken/tijdslot/{slot.pk}/", lookup_data(slot, typed))
        assert response.status_code == 400
        assert "We kennen geen school met deze BRIN-code of naam" in response.content.decode()
    assert not Booking.objects.exists()
