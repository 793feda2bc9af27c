"""Check-in: QR tickets (signed, single-use per date), names on the list, the door, no-shows, the PDF."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from cms.events import attendance, emails, services
from cms.events.models import Attendance, EventRegistration
from cms.events.signals import registration_attended
from cms.events.tokens import make_checkin_token
from cms.pages.models import EventPage
from tests.factories import EventPageFactory

from .conftest import make_registration

pytestmark = pytest.mark.django_db
R = EventRegistration.Status


def register(event, **kwargs):
    return services.register_for_event(make_registration(event, **kwargs)).registration


@pytest.fixture
def today_event(region_site):
    start = timezone.now() + dt.timedelta(hours=1)
    return EventPageFactory(
        parent=region_site.events, start=start, end=start + dt.timedelta(hours=2), capacity=2
    )


@pytest.fixture
def organiser(django_user_model):
    user = django_user_model.objects.create_user("organisator", "org@sto.nl", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_eventregistration"),
    )
    return user


def test_qr_code_holds_a_signed_link_without_personal_data(today_event):
    registration = register(today_event, name="Anna de Vries", email="anna@school.nl")
    url = emails.checkin_url(registration)
    assert "anna" not in url.lower() and "vries" not in url.lower()
    token = url.rstrip("/").rsplit("/", 1)[-1]
    assert attendance.registration_for_checkin_token(token) == registration
    assert attendance.registration_for_checkin_token(url) == registration, "a scanned URL works too"
    with pytest.raises(attendance.CheckInError):
        attendance.registration_for_checkin_token(token[:-3] + "abc")


def test_confirmation_mail_has_a_qr_code_image(today_event, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(today_event)
    message = smtp_server.messages[0][1]
    png = next(p for p in message.iter_attachments() if p.get_content_type() == "image/png")
    assert png.get_content()[:8] == b"\x89PNG\r\n\x1a\n"


def test_check_in_is_single_use_and_marks_attended_and_signals_once(
    today_event, django_capture_on_commit_callbacks
):
    registration = register(today_event)
    occurrence = today_event.occurrences.get()
    token = make_checkin_token(registration)
    received = []

    def listener(sender, registration, occurrence, attendance, **kwargs):
        received.append((registration.pk, occurrence.pk))

    registration_attended.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            done = attendance.check_in_with_token(token, occurrence)
        assert done.attendance.method == Attendance.Method.QR
        with pytest.raises(attendance.AlreadyCheckedIn):
            attendance.check_in_with_token(token, occurrence)
    finally:
        registration_attended.disconnect(listener)
    registration.refresh_from_db()
    assert registration.status == R.ATTENDED
    assert received == [(registration.pk, occurrence.pk)]


def test_a_ticket_for_another_event_or_a_cancelled_registration_is_refused(today_event, region_site):
    other = EventPageFactory(parent=region_site.events)
    registration = register(other)
    with pytest.raises(attendance.CheckInError) as error:
        attendance.check_in_with_token(make_checkin_token(registration), today_event.occurrences.get())
    assert error.value.code == "other_date"
    cancelled = register(today_event)
    services.cancel_registration(cancelled.pk)
    with pytest.raises(attendance.CheckInError) as error:
        attendance.check_in_with_token(make_checkin_token(cancelled), today_event.occurrences.get())
    assert error.value.code == "not_confirmed"


def test_series_registration_checks_in_once_per_date(region_site):
    start = timezone.now() + dt.timedelta(hours=1)
    series = EventPageFactory(
        parent=region_site.events,
        start=start,
        end=start + dt.timedelta(hours=1),
        recurrence="FREQ=WEEKLY;COUNT=2",
    )
    registration = register(series)
    first, second = series.occurrences.all()
    token = make_checkin_token(registration)
    attendance.check_in_with_token(token, first)
    attendance.check_in_with_token(token, second)
    assert Attendance.objects.filter(registration=registration).count() == 2


def test_door_registration_checks_in_even_when_full_and_reuses_an_existing_registration(today_event):
    occurrence = today_event.occurrences.get()
    register(today_event)
    existing = register(today_event, email="piet@school.nl")
    late = attendance.register_at_the_door(occurrence, name="Laat Komer", email="laat@school.nl")
    assert late.registration.at_the_door and late.registration.status == R.ATTENDED
    again = attendance.register_at_the_door(occurrence, name="Piet", email="PIET@school.nl")
    assert again.registration.pk == existing.pk
    with pytest.raises(attendance.CheckInError):
        attendance.register_at_the_door(occurrence, name=" ", email="x@school.nl")


def test_closing_the_list_marks_no_shows_only_after_the_start(today_event):
    occurrence = today_event.occurrences.get()
    came = register(today_event)
    absent = register(today_event)
    attendance.check_in_registration(came.pk, occurrence)
    with pytest.raises(attendance.CheckInError):
        attendance.close_check_in(occurrence)
    assert attendance.close_check_in(occurrence, now=occurrence.start + dt.timedelta(minutes=5)) == 1
    absent.refresh_from_db()
    came.refresh_from_db()
    assert (came.status, absent.status) == (R.ATTENDED, R.NO_SHOW)


def test_checkin_page_needs_an_organiser(client, today_event, django_user_model):
    occurrence = today_event.occurrences.get()
    url = f"/admin/inchecken/datum/{occurrence.pk}/"
    assert client.get(url).status_code == 302, "to the login"
    editor = django_user_model.objects.create_user("redacteur", "r@sto.nl", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.get(url)
    assert refused.status_code in (302, 403)
    assert refused.status_code == 403 or refused.url == "/admin/", "Wagtail sends a refused user home"


def test_checkin_page_finds_by_name_and_checks_in(client, organiser, today_event):
    occurrence = today_event.occurrences.get()
    anna = register(today_event, name="Anna de Vries")
    register(today_event, name="Bram Jansen")
    client.force_login(organiser)
    url = f"/admin/inchecken/datum/{occurrence.pk}/"
    page = client.get(url, {"q": "anna"}).content.decode()
    assert "Anna de Vries" in page and "Bram Jansen" not in page
    response = client.post(url, {"action": "registration", "registration": anna.pk}, follow=True)
    assert "Anna de Vries is ingecheckt" in response.content.decode()
    again = client.post(url, {"action": "token", "token": make_checkin_token(anna)})
    assert again.status_code == 400
    assert "al ingecheckt" in again.content.decode()


def test_scan_link_from_the_qr_code_offers_todays_date(client, organiser, today_event):
    registration = register(today_event, name="Anna de Vries")
    client.force_login(organiser)
    page = client.get(re.sub(r"^https?://[^/]+", "", emails.checkin_url(registration)))
    assert page.status_code == 200
    assert "Anna de Vries" in page.content.decode()
    assert f"/admin/inchecken/datum/{today_event.occurrences.get().pk}/" in page.content.decode()


def test_attendance_list_is_a_pdf(client, organiser, today_event):
    occurrence = today_event.occurrences.get()
    attendance.check_in_registration(register(today_event).pk, occurrence)
    client.force_login(organiser)
    response = client.get(f"/admin/inchecken/datum/{occurrence.pk}/aanwezigheidslijst.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_organiser_cancels_a_date_with_a_reason(client, organiser, today_event):
    occurrence = today_event.occurrences.get()
    register(today_event)
    client.force_login(organiser)
    url = f"/admin/inchecken/datum/{occurrence.pk}/annuleren/"
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Spreker ziek"}).status_code == 302
    assert EventPage.objects.get(pk=today_event.pk).cancelled
