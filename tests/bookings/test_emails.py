"""Booking mail over a real SMTP server on loopback: content, iCal attachment, outage and retry."""

import datetime as dt
import re
from urllib.parse import urlparse

import icalendar
import pytest
from django.utils import timezone, translation

from cms.bookings import emails, services
from cms.bookings.models import Booking
from cms.outbox.models import OutgoingMail
from cms.outbox.services import retry_due
from tests.factories import RegionSite, SchoolFactory, TechniekhuisPageFactory

from .conftest import make_request
from .factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def slot(wagtail_root, region_site):
    house = TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Techniekhuis op Zuid", email="planning@techniekhuis.nl"
    )
    offering = LessonOfferingFactory(title="Bouw een windmolen", techniekhuis=house)
    # A summer date: Amsterdam is UTC+2 then, so a wrong zone would show as 07:30.
    return TimeSlotFactory(offering=offering, date=dt.date(timezone.localdate().year + 1, 7, 1))


def messages_to(smtp_server, address):
    return [m for rcpts, m in smtp_server.messages if address in rcpts]


def test_confirmation_mail_has_dutch_text_cancel_link_and_parseable_ical(smtp_server, slot):
    booking = services.book_slot(make_request(slot, email="juf@regenboog.nl")).booking

    [mail] = messages_to(smtp_server, "juf@regenboog.nl")
    assert mail["Subject"] == "Boeking bevestigd: Bouw een windmolen"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Beste Juf Anna," in text
    assert "Je boeking is bevestigd" in text
    assert "OBS De Regenboog (12AB)" in text
    assert "09:30" in text and "Techniekhuis op Zuid" in text
    cancel = re.search(r"http://\S+/boeken/annuleren/\S+/", text).group(0)
    assert cancel in html

    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == "les.ics"
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Techniekles: Bouw een windmolen"
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert (start.hour, start.minute) == (9, 30)
    assert start.utcoffset() == dt.timedelta(hours=2)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert str(event["LOCATION"]) == "Techniekhuis op Zuid, Zuidplein 1, 3083 CW Rotterdam"
    assert "Plaats: Techniekhuis op Zuid, Zuidplein 1, 3083 CW Rotterdam" in text
    assert booking.pk


def test_coordinator_is_notified_of_new_booking(smtp_server, slot):
    services.book_slot(make_request(slot, notes="Eén leerling met een rolstoel."))
    [mail] = messages_to(smtp_server, "planning@techniekhuis.nl")
    assert mail["Subject"] == "Nieuwe boeking: OBS De Regenboog, Bouw een windmolen"
    assert mail["Reply-To"] == "anna@regenboog.nl"
    assert "rolstoel" in mail.get_body(("plain",)).get_content()


def test_smtp_down_keeps_booking_and_mail_is_delivered_after_retry(smtp_server, slot):
    smtp_server.stop()
    booking = services.book_slot(make_request(slot)).booking

    assert Booking.objects.filter(pk=booking.pk, status=Booking.Status.CONFIRMED).exists()
    pending = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING)
    assert pending.count() == 2  # school confirmation + coordinator notification
    assert smtp_server.messages == []

    smtp_server.start()
    assert retry_due(now=timezone.now() + dt.timedelta(hours=1)) == 2
    assert [m["Subject"] for m in messages_to(smtp_server, "anna@regenboog.nl")] == [
        "Boeking bevestigd: Bouw een windmolen"
    ]
    assert retry_due(now=timezone.now() + dt.timedelta(hours=2)) == 0


def test_cancel_link_from_the_mail_cancels_once_and_promotes_waiting_school(client, smtp_server, slot):
    slot.capacity_classes = 1
    slot.save()
    services.book_slot(make_request(slot, email="eerste@school.nl"))
    waiting = services.book_slot(make_request(slot, email="tweede@school.nl", waitlist=True)).booking
    [mail] = messages_to(smtp_server, "eerste@school.nl")
    link = re.search(r"http://\S+/boeken/annuleren/\S+/", mail.get_body(("plain",)).get_content()).group(0)
    path = urlparse(link).path

    assert client.post(path).status_code == 200
    assert client.post(path).status_code == 400

    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.CONFIRMED
    subjects = [m["Subject"] for m in messages_to(smtp_server, "tweede@school.nl")]
    assert subjects == ["Op de wachtlijst: Bouw een windmolen", "Boeking bevestigd: Bouw een windmolen"]
    cancelled = [m for m in messages_to(smtp_server, "eerste@school.nl") if "geannuleerd" in m["Subject"]]
    assert len(cancelled) == 1
    ics = icalendar.Calendar.from_ical(next(cancelled[0].iter_attachments()).get_content())
    assert str(ics.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_reminder_mail(smtp_server, slot):
    slot.date = timezone.localdate() + dt.timedelta(days=2)
    slot.save()
    services.book_slot(make_request(slot))
    assert services.send_reminders(days_ahead=3).done == 1
    subjects = [m["Subject"] for m in messages_to(smtp_server, "anna@regenboog.nl")]
    assert subjects[-1].startswith("Herinnering: Bouw een windmolen op ")


def test_mails_speak_the_language_of_the_techniekhuis_site_not_of_whoever_triggered_them(smtp_server, slot):
    """A Dutch region's mail is Dutch even from an English context; a region publishing in English mails in English."""
    with translation.override("en"):
        services.book_slot(make_request(slot, email="juf@regenboog.nl"))
    english = RegionSite(hostname="en.example.org", is_default=False, language="en")
    house = TechniekhuisPageFactory(parent=english.techniekhuizen, title="Tech house")
    english_slot = TimeSlotFactory(
        offering=LessonOfferingFactory(title="Build a windmill", techniekhuis=house)
    )
    services.book_slot(make_request(english_slot, email="teacher@school.example"))

    assert (
        messages_to(smtp_server, "juf@regenboog.nl")[0]["Subject"] == "Boeking bevestigd: Bouw een windmolen"
    )
    assert (
        messages_to(smtp_server, "teacher@school.example")[0]["Subject"]
        == "Booking confirmed: Build a windmill"
    )


def test_a_lesson_at_the_primary_school_has_the_schools_address_in_the_calendar(slot):
    slot.offering.location_kind = slot.offering.Location.PRIMARY_SCHOOL
    slot.offering.save()
    school = SchoolFactory(
        name="OBS De Regenboog", street="Schoolstraat 1", postcode="3011 AB", city="Rotterdam"
    )
    booking = BookingFactory(slot=slot, school=school)

    calendar = icalendar.Calendar.from_ical(emails.calendar_attachment(booking).content)
    [event] = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == "OBS De Regenboog, Schoolstraat 1, 3011 AB Rotterdam"
