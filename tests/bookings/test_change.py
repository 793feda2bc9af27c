"""Changing a booking through the signed link: pupils, contact details and moving to another slot."""

import datetime as dt
import re
import threading
import time

import icalendar
import pytest
from django.db import connection, transaction
from django.utils import timezone

from cms.bookings import services, tokens
from cms.bookings.models import Booking, TimeSlot
from cms.outbox.models import OutgoingMail
from tests.factories import TechniekhuisPageFactory

from .conftest import make_request
from .factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory


def book(slot, **overrides) -> Booking:
    return services.book_slot(make_request(slot, **overrides)).booking


def change(booking, **changes) -> services.ChangeResult:
    return services.change_booking(tokens.make_cancel_token(booking), services.BookingChanges(**changes))


def counters(slot) -> tuple[int, int]:
    slot.refresh_from_db()
    return slot.booked_classes, slot.booked_pupils


def change_mails(booking) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(key__startswith=f"booking-{booking.pk}-changed-"))


# --- service -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_more_pupils_within_the_slots_pupil_capacity_are_reserved():
    slot = TimeSlotFactory(capacity_classes=3, capacity_pupils=60)
    booking = book(slot, pupils=24)
    book(slot, pupils=20)

    result = change(booking, pupils=30)

    assert result.changed == ["pupils"]
    booking.refresh_from_db()
    assert booking.pupils == 30
    assert counters(slot) == (2, 50)
    assert len(change_mails(booking)) == 1


@pytest.mark.django_db
def test_more_pupils_than_the_slot_has_room_for_is_refused_and_nothing_changes():
    slot = TimeSlotFactory(capacity_classes=3, capacity_pupils=50)
    booking = book(slot, pupils=25)
    book(slot, pupils=25)

    with pytest.raises(services.SlotFull) as error:
        change(booking, pupils=26, contact_name="Meester Piet")

    assert error.value.field == "pupils"
    assert "plaats" in str(error.value.message).lower() or "ruimte" in str(error.value.message).lower()
    booking.refresh_from_db()
    assert (booking.pupils, booking.contact_name) == (25, "Juf Anna")
    assert counters(slot) == (2, 50)
    assert change_mails(booking) == []


@pytest.mark.django_db
def test_more_pupils_than_the_offering_allows_per_class_is_refused():
    slot = TimeSlotFactory(offering=LessonOfferingFactory(max_pupils_per_class=28), capacity_pupils=None)
    booking = book(slot, pupils=24)
    with pytest.raises(services.BookingError) as error:
        change(booking, pupils=29)
    assert error.value.field == "pupils"
    assert counters(slot) == (1, 24)


@pytest.mark.django_db
def test_fewer_pupils_frees_pupil_places_for_the_waiting_list():
    slot = TimeSlotFactory(capacity_classes=3, capacity_pupils=50)
    booking = book(slot, pupils=30)
    waiting = book(slot, pupils=25, waitlist=True)
    assert waiting.status == Booking.Status.WAITLISTED

    result = change(booking, pupils=25)

    assert [b.pk for b in result.promoted] == [waiting.pk]
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.CONFIRMED
    assert counters(slot) == (2, 50)


@pytest.mark.django_db
def test_contact_details_are_changed_and_trimmed():
    booking = book(TimeSlotFactory())
    result = change(booking, contact_name="  Meester Piet ", phone="06-12345678", notes="Rolstoel")
    assert result.changed == ["contact_name", "phone", "notes"]
    booking.refresh_from_db()
    assert (booking.contact_name, booking.phone, booking.notes) == ("Meester Piet", "06-12345678", "Rolstoel")


@pytest.mark.django_db
def test_change_that_changes_nothing_sends_no_mail():
    booking = book(TimeSlotFactory(), pupils=24)
    assert change(booking, pupils=24, contact_name="Juf Anna").changed == []
    assert change_mails(booking) == []


@pytest.mark.django_db
def test_move_to_another_slot_frees_the_old_place_and_promotes_its_waiting_list():
    offering = LessonOfferingFactory()
    old = TimeSlotFactory(offering=offering, capacity_classes=1)
    new = TimeSlotFactory(offering=offering, capacity_classes=1, date=old.date + dt.timedelta(days=7))
    booking = book(old, pupils=24)
    waiting = book(old, pupils=20, waitlist=True)

    result = change(booking, slot_id=new.pk)

    assert result.changed == ["slot"]
    assert result.moved_from.pk == old.pk
    assert [b.pk for b in result.promoted] == [waiting.pk]
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert (booking.slot_id, booking.status) == (new.pk, Booking.Status.CONFIRMED)
    assert waiting.status == Booking.Status.CONFIRMED
    assert counters(old) == (1, 20)
    assert counters(new) == (1, 24)


@pytest.mark.django_db
def test_move_with_more_pupils_reserves_the_new_number_in_the_new_slot():
    offering = LessonOfferingFactory()
    old = TimeSlotFactory(offering=offering, capacity_classes=2, capacity_pupils=60)
    new = TimeSlotFactory(
        offering=offering, capacity_classes=2, capacity_pupils=60, start=dt.time(13, 0), end=dt.time(14, 30)
    )
    booking = book(old, pupils=20)
    change(booking, slot_id=new.pk, pupils=28)
    assert counters(old) == (0, 0)
    assert counters(new) == (1, 28)


@pytest.mark.django_db
def test_move_to_a_full_slot_is_refused_and_nothing_changes():
    offering = LessonOfferingFactory()
    old = TimeSlotFactory(offering=offering, capacity_classes=1)
    full = TimeSlotFactory(offering=offering, capacity_classes=1, start=dt.time(13, 0), end=dt.time(14, 30))
    booking = book(old)
    book(full)

    with pytest.raises(services.SlotFull) as error:
        change(booking, slot_id=full.pk, pupils=20)

    assert error.value.field == "slot"
    booking.refresh_from_db()
    assert (booking.slot_id, booking.pupils) == (old.pk, 24)
    assert counters(old) == (1, 24)
    assert counters(full) == (1, 24)


@pytest.mark.django_db
def test_waiting_booking_that_moves_to_a_slot_with_room_gets_a_place_there():
    offering = LessonOfferingFactory()
    old = TimeSlotFactory(offering=offering, capacity_classes=1)
    new = TimeSlotFactory(offering=offering, capacity_classes=1, start=dt.time(13, 0), end=dt.time(14, 30))
    book(old)
    waiting = book(old, waitlist=True)

    change(waiting, slot_id=new.pk)

    waiting.refresh_from_db()
    assert (waiting.slot_id, waiting.status) == (new.pk, Booking.Status.CONFIRMED)
    assert counters(old) == (1, 24)
    assert counters(new) == (1, 24)


@pytest.mark.django_db
def test_move_to_a_slot_of_another_lesson_or_a_closed_slot_is_refused():
    slot = TimeSlotFactory()
    booking = book(slot)
    other_lesson = TimeSlotFactory()
    closed = TimeSlotFactory(offering=slot.offering, booking_deadline=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(services.BookingError) as error:
        change(booking, slot_id=other_lesson.pk)
    assert error.value.field == "slot"
    with pytest.raises(services.SlotClosed):
        change(booking, slot_id=closed.pk)
    booking.refresh_from_db()
    assert booking.slot_id == slot.pk
    assert counters(other_lesson) == counters(closed) == (0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("mangle", [lambda t: t[:-2] + "xx", lambda t: re.sub(r"^[^:]+", "eyJiIjoxfQ", t)])
def test_forged_link_cannot_change_a_booking(mangle):
    booking = book(TimeSlotFactory(), pupils=24)
    token = mangle(tokens.make_cancel_token(booking))
    with pytest.raises(services.InvalidToken):
        services.change_booking(token, services.BookingChanges(pupils=10))
    booking.refresh_from_db()
    assert booking.pupils == 24


@pytest.mark.django_db
def test_link_of_a_cancelled_booking_can_no_longer_change_it():
    slot = TimeSlotFactory()
    booking = book(slot, pupils=24)
    services.cancel_with_token(tokens.make_cancel_token(booking))
    with pytest.raises(services.InvalidToken) as error:
        change(booking, pupils=10)
    assert error.value.code == "used_token"
    assert counters(slot) == (0, 0)


@pytest.mark.django_db
def test_completed_booking_cannot_be_changed():
    booking = BookingFactory(status=Booking.Status.COMPLETED)
    with pytest.raises(services.InvalidTransition):
        change(booking, pupils=10)


@pytest.mark.django_db
def test_after_the_booking_deadline_the_booking_cannot_be_changed():
    slot = TimeSlotFactory(capacity_pupils=100)
    booking = book(slot, pupils=24)
    TimeSlot.objects.filter(pk=slot.pk).update(booking_deadline=timezone.now() - dt.timedelta(minutes=1))

    with pytest.raises(services.ChangeClosed) as error:
        change(booking, pupils=20, notes="later")

    assert (
        "deadline" in str(error.value.message).lower() or "aanmeldtermijn" in str(error.value.message).lower()
    )
    booking.refresh_from_db()
    assert (booking.pupils, booking.notes) == (24, "")
    assert counters(slot) == (1, 24)


# --- page behind the link (no JavaScript) --------------------------------------------------------


def manage_path(booking) -> str:
    return f"/boeken/annuleren/{tokens.make_cancel_token(booking)}/"


def form_data(booking, **overrides) -> dict:
    data = {
        "slot": booking.slot_id,
        "pupils": booking.pupils,
        "contact_name": booking.contact_name,
        "phone": booking.phone,
        "notes": booking.notes,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_page_shows_a_dutch_change_form_with_the_current_values(client):
    offering = LessonOfferingFactory()
    slot = TimeSlotFactory(offering=offering)
    other = TimeSlotFactory(offering=offering, start=dt.time(13, 0), end=dt.time(14, 30))
    booking = book(slot, pupils=24)

    path = manage_path(booking)
    page = client.get(path)

    html = page.content.decode()
    assert page.status_code == 200
    assert "<h2>Boeking wijzigen</h2>" in html
    assert f'action="{path}wijzigen/"' in html
    assert 'value="24"' in html
    assert f'value="{other.pk}"' in html
    assert "Ja, annuleer de boeking" in html


@pytest.mark.django_db
def test_posting_the_form_changes_the_booking(client):
    booking = book(TimeSlotFactory(capacity_pupils=60), pupils=24)

    page = client.post(manage_path(booking) + "wijzigen/", form_data(booking, pupils=28, phone="06-12345678"))

    assert page.status_code == 200
    assert "Je boeking is gewijzigd" in page.content.decode()
    booking.refresh_from_db()
    assert (booking.pupils, booking.phone) == (28, "06-12345678")


@pytest.mark.django_db
def test_invalid_form_shows_dutch_errors_and_changes_nothing(client):
    booking = book(TimeSlotFactory(capacity_pupils=60), pupils=24)
    page = client.post(
        manage_path(booking) + "wijzigen/",
        form_data(booking, pupils=25, phone="abc", notes="<script>alert(1)</script>"),
    )
    html = page.content.decode()
    assert page.status_code == 400
    assert "Vul een geldig telefoonnummer in" in html
    assert "zonder HTML" in html
    booking.refresh_from_db()
    assert (booking.pupils, booking.phone) == (24, "")


@pytest.mark.django_db
def test_pupils_beyond_capacity_on_the_page_show_a_dutch_error(client):
    slot = TimeSlotFactory(capacity_classes=2, capacity_pupils=50)
    booking = book(slot, pupils=25)
    book(slot, pupils=25)
    page = client.post(manage_path(booking) + "wijzigen/", form_data(booking, pupils=30))
    assert page.status_code == 400
    assert "leerlingen" in page.content.decode()
    assert counters(slot) == (2, 50)


@pytest.mark.django_db
def test_after_the_deadline_the_page_has_no_change_form_and_refuses_a_post(client):
    slot = TimeSlotFactory()
    booking = book(slot, pupils=24)
    TimeSlot.objects.filter(pk=slot.pk).update(booking_deadline=timezone.now() - dt.timedelta(minutes=1))

    page = client.get(manage_path(booking))
    assert "<h2>Boeking wijzigen</h2>" not in page.content.decode()
    assert "kan de boeking niet meer worden gewijzigd" in page.content.decode()

    refused = client.post(manage_path(booking) + "wijzigen/", form_data(booking, pupils=20))
    assert refused.status_code == 400
    booking.refresh_from_db()
    assert booking.pupils == 24


@pytest.mark.django_db
def test_forged_link_on_the_change_page_is_refused(client):
    booking = book(TimeSlotFactory(), pupils=24)
    token = tokens.make_cancel_token(booking)[:-2] + "xx"
    assert (
        client.post(f"/boeken/annuleren/{token}/wijzigen/", form_data(booking, pupils=10)).status_code == 400
    )
    booking.refresh_from_db()
    assert booking.pupils == 24


# --- mail over real SMTP ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_move_mails_the_school_a_dutch_confirmation_with_an_updated_ical(
    wagtail_root, region_site, smtp_server
):
    house = TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Techniekhuis op Zuid", email="planning@techniekhuis.nl"
    )
    offering = LessonOfferingFactory(title="Bouw een windmolen", techniekhuis=house)
    day = dt.date(timezone.localdate().year + 1, 7, 1)
    old = TimeSlotFactory(offering=offering, date=day)
    new = TimeSlotFactory(
        offering=offering, date=day + dt.timedelta(days=1), start=dt.time(13, 0), end=dt.time(14, 30)
    )
    booking = book(old, email="juf@regenboog.nl")
    first_ics = icalendar.Calendar.from_ical(
        next(smtp_server.messages[0][1].iter_attachments()).get_content()
    )
    first_sequence = first_ics.walk("VEVENT")[0]["SEQUENCE"]
    Booking.objects.filter(pk=booking.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))

    change(booking, slot_id=new.pk, pupils=26)

    to_school = [m for rcpts, m in smtp_server.messages if "juf@regenboog.nl" in rcpts]
    assert [m["Subject"] for m in to_school] == [
        "Boeking bevestigd: Bouw een windmolen",
        "Boeking gewijzigd: Bouw een windmolen",
    ]
    text = to_school[1].get_body(("plain",)).get_content()
    assert "Je boeking is gewijzigd" in text
    assert "26 leerlingen" in text
    assert re.search(r"http://\S+/boeken/annuleren/\S+/", text)
    [event] = icalendar.Calendar.from_ical(next(to_school[1].iter_attachments()).get_content()).walk("VEVENT")
    assert event["DTSTART"].dt.date() == new.date
    assert event["DTSTART"].dt.strftime("%H:%M") == "13:00"
    assert event["UID"] == first_ics.walk("VEVENT")[0]["UID"]
    assert event["SEQUENCE"] > first_sequence
    to_house = [m["Subject"] for rcpts, m in smtp_server.messages if "planning@techniekhuis.nl" in rcpts]
    assert "Boeking gewijzigd: OBS De Regenboog, Bouw een windmolen" in to_house


# --- concurrency ----------------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_move_locks_both_slots_in_primary_key_order():
    """A move from B to A waits for A before it locks B (pk order), so crossing moves can't deadlock.

    Another transaction holds slot A; while the move waits for it, slot B must still be free.
    Locking the booking's own slot first would hold B here and deadlock against a move A -> B.
    """
    assert connection.vendor == "postgresql"
    offering = LessonOfferingFactory()
    a = TimeSlotFactory(offering=offering, capacity_classes=2)
    b = TimeSlotFactory(offering=offering, capacity_classes=2, start=dt.time(13, 0), end=dt.time(14, 30))
    assert a.pk < b.pk
    booking = book(b)
    a_locked, release_a = threading.Event(), threading.Event()
    outcome: list = []

    def hold_a():
        try:
            with transaction.atomic():
                TimeSlot.objects.select_for_update().get(pk=a.pk)
                a_locked.set()
                release_a.wait(timeout=30)
        finally:
            connection.close()

    def move():
        try:
            outcome.append(change(booking, slot_id=a.pk))
        except Exception as error:
            outcome.append(error)
        finally:
            connection.close()

    holder, mover = threading.Thread(target=hold_a), threading.Thread(target=move)
    holder.start()
    assert a_locked.wait(timeout=10)
    mover.start()
    time.sleep(0.5)  # the move is now waiting for slot A
    try:
        with transaction.atomic():
            TimeSlot.objects.select_for_update(nowait=True).get(pk=b.pk)  # raises if the move holds B
    finally:
        release_a.set()
        holder.join(timeout=30)
        mover.join(timeout=30)

    assert isinstance(outcome[0], services.ChangeResult), outcome
    assert counters(a) == (1, 24)
    assert counters(b) == (0, 0)
