"""New-booking mail is queued after commit, outside the slot lock, and never lost.

``notifications_pending`` is set with the booking and cleared together with the outbox rows;
a booking whose on-commit hook never ran (a crash) is picked up by ``queue_booking_mails`` or
by a retried request.
"""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.bookings import services
from cms.bookings.models import Booking
from cms.outbox.models import OutgoingMail
from tests.factories import SchoolFactory, TechniekhuisPageFactory

from .conftest import make_request
from .factories import LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def slot(region_site):
    house = TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Techniekhuis op Zuid", email="planning@techniekhuis.nl"
    )
    return TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=house), capacity_classes=3)


def mail_keys() -> set[str]:
    return set(OutgoingMail.objects.values_list("key", flat=True))


def test_mails_are_queued_after_commit_and_the_flag_cleared(slot, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_slot(make_request(slot)).booking
    booking.refresh_from_db()
    assert not booking.notifications_pending
    assert mail_keys() == {f"booking-{booking.pk}-confirmation", f"booking-{booking.pk}-coordinator-new"}


def test_nothing_is_mailed_before_commit_but_the_booking_carries_the_flag(
    slot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        booking = services.book_slot(make_request(slot)).booking
    assert callbacks, "the mails must wait for the commit"
    assert OutgoingMail.objects.count() == 0
    assert Booking.objects.get(pk=booking.pk).notifications_pending


def test_crash_after_commit_is_healed_by_the_command_once(slot, django_capture_on_commit_callbacks):
    # The process "dies" after COMMIT: the on-commit hook never runs.
    with django_capture_on_commit_callbacks(execute=False):
        booking = services.book_slot(make_request(slot)).booking
    out = io.StringIO()
    call_command("queue_booking_mails", stdout=out)
    assert "0 booking(s)" in out.getvalue(), "a booking committed a moment ago is left to its own hook"

    Booking.objects.filter(pk=booking.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))
    call_command("queue_booking_mails", stdout=out)
    call_command("queue_booking_mails", stdout=out)
    assert out.getvalue().splitlines()[1:] == [
        "Queued the mails of 1 booking(s).",
        "Queued the mails of 0 booking(s).",
    ]
    assert mail_keys() == {f"booking-{booking.pk}-confirmation", f"booking-{booking.pk}-coordinator-new"}
    assert not Booking.objects.get(pk=booking.pk).notifications_pending


def test_retried_request_queues_mails_a_crash_left_behind(slot, django_capture_on_commit_callbacks):
    request = make_request(slot)
    with django_capture_on_commit_callbacks(execute=False):
        first = services.book_slot(request)
    retry = services.book_slot(request)
    assert not retry.created and retry.booking.pk == first.booking.pk
    assert f"booking-{first.booking.pk}-confirmation" in mail_keys()
    slot.refresh_from_db()
    assert slot.booked_classes == 1


def test_waitlisted_booking_gets_the_waiting_list_mail(slot, django_capture_on_commit_callbacks):
    slot.capacity_classes = 0
    slot.save()
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_slot(make_request(slot, waitlist=True)).booking
    assert booking.status == Booking.Status.WAITLISTED
    assert f"booking-{booking.pk}-waitlisted" in mail_keys()


def test_slot_lock_covers_only_the_reserve_and_the_insert(slot):
    """The statements between locking the slot row and the end of the transaction.

    On PostgreSQL the lock is ``SELECT ... FOR UPDATE``; SQLite has no row locks and takes its
    write lock at the first write, so there the same window is checked from the same SELECT.
    The test runs inside a transaction, so book_slot's own transaction is a savepoint here.
    """
    with CaptureQueriesContext(connection) as queries:
        services.book_slot(make_request(slot))
    sql = [q["sql"] for q in queries.captured_queries]
    lock = max(i for i, s in enumerate(sql) if s.startswith("SELECT") and '"bookings_timeslot"' in s)
    end = next(i for i, s in enumerate(sql) if i > lock and s.startswith("RELEASE SAVEPOINT"))
    locked = sql[lock + 1 : end]
    if connection.vendor == "postgresql":
        assert "FOR UPDATE" in sql[lock]
    # No look-up of the idempotency key under the lock: the key's unique index refuses a repeat.
    assert [s.split('"')[0] + s.split('"')[1] for s in locked] == [
        "UPDATE bookings_timeslot",
        "INSERT INTO bookings_booking",
    ]


def _poison_school_name(school, name: str) -> None:
    """Write a name as rows saved before the single-line rule hold it (bypassing the model)."""
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(school._meta.db_table)
        cursor.execute(f"UPDATE {table} SET name = %s WHERE id = %s", [name, school.pk])  # noqa: S608


def test_queue_booking_mails_mails_everyone_when_one_school_name_holds_a_line_break(
    slot, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the hooks "crash": the command must do it
        poisoned = services.book_slot(make_request(slot)).booking
        others = [
            services.book_slot(
                make_request(slot, email=f"juf{n}@school{n}.nl", school=SchoolFactory())
            ).booking
            for n in range(2)
        ]
    _poison_school_name(poisoned.school, "X\r\nBcc: iedereen@example.org")
    Booking.objects.update(created_at=timezone.now() - dt.timedelta(minutes=5))
    out = io.StringIO()

    call_command("queue_booking_mails", stdout=out)
    call_command("send_pending_mail", stdout=io.StringIO())

    assert "Queued the mails of 3 booking(s)." in out.getvalue()
    assert set(smtp_server.recipients()) >= {"anna@regenboog.nl", *(b.email for b in others)}
    subjects = [m["Subject"] for _, m in smtp_server.messages]
    assert "Nieuwe boeking: X Bcc: iedereen@example.org, " + slot.offering.title in subjects
    for _, message in smtp_server.messages:
        assert "iedereen@example.org" not in message.get_all("Bcc", [])
        body = message.get_body(("plain",)).get_content()
        assert not any(line.startswith("Bcc:") for line in body.splitlines())
