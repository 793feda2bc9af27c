"""Old bookings lose their personal data (idempotently); a school's data can be exported."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.bookings.models import Booking
from cms.bookings.privacy import anonymise_bookings, export_school_data
from tests.factories import SchoolFactory

from .factories import BookingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db


def booking_days_ago(days, **kwargs):
    return BookingFactory(slot=TimeSlotFactory(date=timezone.localdate() - dt.timedelta(days=days)), **kwargs)


def test_old_bookings_are_anonymised_once_and_keep_their_figures(settings):
    settings.BOOKINGS_ANONYMISE_AFTER_DAYS = 365
    old = booking_days_ago(400, notes="Leerling met allergie", pupils=23)
    recent = booking_days_ago(100)

    assert anonymise_bookings() == 1
    assert anonymise_bookings() == 0, "idempotent"

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.contact_name, old.email, old.phone, old.notes) == ("", "", "", "")
    assert old.anonymised_at is not None
    assert (old.pupils, old.group, old.status) == (23, 6, Booking.Status.CONFIRMED)
    assert recent.email and recent.anonymised_at is None


def test_command_takes_a_configurable_age(capsys):
    booking_days_ago(40)
    call_command("anonymise_bookings", days=60)
    call_command("anonymise_bookings", days=30)
    assert "Anonymised 0" in capsys.readouterr().out.splitlines()[0]
    assert Booking.objects.get().anonymised_at is not None


def test_school_export_contains_its_bookings_only(capsys):
    school = SchoolFactory(brin_code="12AB")
    mine = BookingFactory(school=school, email="juf@school.nl")
    BookingFactory()

    data = export_school_data(school)
    assert data["school"]["brin_code"] == "12AB"
    assert [b["id"] for b in data["bookings"]] == [mine.pk]
    assert data["bookings"][0]["email"] == "juf@school.nl"

    call_command("export_school_bookings", "12ab")
    assert json.loads(capsys.readouterr().out)["bookings"][0]["id"] == mine.pk
