"""Series of dates from an RRULE, per-date registration, exceptions and cancellations with iCal updates."""

import datetime as dt
import zoneinfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.events import calendars, services
from cms.events.models import EventRegistration, OccurrenceCapacity
from cms.pages.filters import filter_events
from cms.pages.models import EventOccurrence, EventPage
from cms.pages.recurrence import expand, validate_rule
from tests.factories import EventPageFactory

from .conftest import make_registration

pytestmark = pytest.mark.django_db

R = EventRegistration.Status
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _start(days: int = 10, hour: int = 19) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=AMS)


@pytest.fixture
def series(region_site):
    start = _start()
    return EventPageFactory(
        parent=region_site.events,
        start=start,
        end=start + dt.timedelta(hours=2),
        capacity=1,
        recurrence="FREQ=WEEKLY;COUNT=4",
        registration_scope=EventPage.RegistrationScope.OCCURRENCE,
    )


def register(event, **kwargs):
    return services.register_for_event(make_registration(event, **kwargs))


def ical_of(mail_row_or_message, filename=None):
    for part in mail_row_or_message.iter_attachments():
        if part.get_content_type() == "text/calendar" and (
            filename is None or part.get_filename() == filename
        ):
            return icalendar.Calendar.from_ical(part.get_content())
    raise AssertionError("no calendar attachment")


def test_rule_gives_weekly_dates_at_the_same_local_time_across_dst():
    start = dt.datetime(2026, 10, 15, 19, 0, tzinfo=AMS)  # summer time; the series crosses 25 October
    starts = expand("FREQ=WEEKLY;COUNT=3", start)
    assert [s.astimezone(AMS).hour for s in starts] == [19, 19, 19]
    assert [s.astimezone(AMS).date() for s in starts] == [
        dt.date(2026, 10, 15),
        dt.date(2026, 10, 22),
        dt.date(2026, 10, 29),
    ]


def test_an_empty_rule_is_the_single_date_and_a_bad_rule_is_refused():
    start = _start()
    assert expand("", start) == [start]
    validate_rule("FREQ=MONTHLY;BYDAY=2TU;COUNT=5")
    with pytest.raises(ValidationError):
        validate_rule("FREQ=SOMETIMES")
    with pytest.raises(ValidationError):
        validate_rule("DTSTART:20260101T100000\nRRULE:FREQ=DAILY")


def test_a_series_gets_one_row_per_date_and_a_single_event_one_row(series, region_site):
    assert [o.start for o in series.occurrences.all()] == [
        series.start + dt.timedelta(weeks=i) for i in range(4)
    ]
    single = EventPageFactory(parent=region_site.events)
    assert single.occurrences.count() == 1
    single.start += dt.timedelta(days=1)
    single.end += dt.timedelta(days=1)
    single.save()
    assert single.occurrences.get().start == single.start, "a single date moves with the page"


def test_moved_and_skipped_dates_survive_saving_the_page_again(series):
    first, second, *_ = series.occurrences.all()
    first.start += dt.timedelta(days=1)
    first.end += dt.timedelta(days=1)
    first.save()
    second.status = EventOccurrence.Status.SKIPPED
    second.save()

    series.title = "Nieuwe titel"
    series.save()

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_moved and first.start == series.start + dt.timedelta(days=1)
    assert second.status == EventOccurrence.Status.SKIPPED
    assert series.occurrences.count() == 4
    assert second not in EventPage.objects.get(pk=series.pk).dates


def test_shortening_the_rule_deletes_free_dates_but_keeps_dates_with_registrations(series):
    last = series.occurrences.last()
    register(series, occurrence_id=last.pk)
    series.recurrence = "FREQ=WEEKLY;COUNT=2"
    series.save()
    assert series.occurrences.count() == 3
    assert series.occurrences.filter(pk=last.pk).exists()


def test_per_date_registration_counts_each_date_on_its_own(series):
    first, second, *_ = series.occurrences.all()
    assert register(series, occurrence_id=first.pk).registration.status == R.CONFIRMED
    with pytest.raises(services.EventFull):
        register(series, occurrence_id=first.pk)
    assert register(series, occurrence_id=second.pk).registration.status == R.CONFIRMED
    assert OccurrenceCapacity.objects.get(occurrence=first).registered == 1
    # The same person may come to two dates, but not twice to one.
    register(series, occurrence_id=series.occurrences.all()[2].pk, email="anna@school.nl")
    register(series, occurrence_id=series.occurrences.all()[3].pk, email="anna@school.nl")
    with pytest.raises(services.RegistrationError):
        register(series, occurrence_id=series.occurrences.all()[3].pk, email="ANNA@school.nl", waitlist=True)


def test_per_date_event_needs_a_date_and_a_series_event_refuses_one(series, region_site):
    with pytest.raises(services.RegistrationError) as error:
        register(series)
    assert error.value.field == "occurrence"
    whole = EventPageFactory(parent=region_site.events, recurrence="FREQ=WEEKLY;COUNT=3")
    with pytest.raises(services.RegistrationError) as error:
        register(whole, occurrence_id=whole.occurrences.first().pk)
    assert error.value.code == "series_only"
    assert register(whole).registration.occurrence is None


def test_a_date_of_another_event_or_a_past_date_is_refused(series, region_site):
    other = EventPageFactory(parent=region_site.events)
    with pytest.raises(services.RegistrationError):
        register(series, occurrence_id=other.occurrences.get().pk)
    first = series.occurrences.first()
    with pytest.raises(services.RegistrationClosed):
        services.register_for_event(
            make_registration(series, occurrence_id=first.pk), now=first.start + dt.timedelta(minutes=1)
        )


def test_cancelling_a_date_mails_an_ical_cancellation_with_the_same_uid_and_a_higher_sequence(
    series, smtp_server, django_capture_on_commit_callbacks
):
    first = series.occurrences.first()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(series, occurrence_id=first.pk, email="anna@school.nl").registration
        waiting = register(
            series, occurrence_id=first.pk, email="wacht@school.nl", waitlist=True
        ).registration
    confirmation = ical_of(smtp_server.messages[0][1]).walk("VEVENT")[0]

    with django_capture_on_commit_callbacks(execute=True):
        told = services.cancel_occurrence(first.pk, "De spreker is ziek.")

    assert {r.pk for r in told} == {registration.pk, waiting.pk}
    mail = next(m for rcpts, m in smtp_server.messages[2:] if rcpts == ["anna@school.nl"])
    assert "De spreker is ziek." in mail.get_body(("plain",)).get_content()
    calendar = ical_of(mail)
    assert str(calendar["METHOD"]) == "CANCEL"
    cancel = calendar.walk("VEVENT")[0]
    assert str(cancel["STATUS"]) == "CANCELLED"
    assert str(cancel["UID"]) == str(confirmation["UID"])
    assert int(cancel["SEQUENCE"]) > int(confirmation["SEQUENCE"])
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == R.CANCELLED and waiting.status == R.CANCELLED, "nobody is promoted"


def test_no_promotion_from_the_waiting_list_of_a_cancelled_date(series):
    first = series.occurrences.first()
    holder = register(series, occurrence_id=first.pk).registration
    waiting = register(series, occurrence_id=first.pk, waitlist=True).registration
    # A date cancelled by editing (not through the service) must not promote either.
    EventOccurrence.objects.filter(pk=first.pk).update(status="cancelled", cancellation_reason="x")
    services.cancel_registration(holder.pk)
    waiting.refresh_from_db()
    assert waiting.status == R.WAITLISTED
    with pytest.raises(services.RegistrationClosed):
        register(series, occurrence_id=first.pk)


def test_cancelling_one_date_keeps_series_registrations_and_the_last_date_ends_them(
    region_site, smtp_server, django_capture_on_commit_callbacks
):
    start = _start()
    whole = EventPageFactory(
        parent=region_site.events,
        start=start,
        end=start + dt.timedelta(hours=2),
        recurrence="FREQ=WEEKLY;COUNT=2",
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(whole).registration
    first, second = whole.occurrences.all()
    assert len(ical_of(smtp_server.messages[0][1]).walk("VEVENT")) == 2, "one calendar entry per date"

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_occurrence(first.pk, "Zaal niet beschikbaar")
    registration.refresh_from_db()
    assert registration.status == R.CONFIRMED
    body = smtp_server.messages[-1][1].get_body(("plain",)).get_content()
    assert "andere data" in body

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_occurrence(second.pk, "Zaal niet beschikbaar")
    registration.refresh_from_db()
    assert registration.status == R.CANCELLED
    assert EventPage.objects.get(pk=whole.pk).cancelled
    with pytest.raises(services.RegistrationClosed):
        register(whole)


def test_cancelling_the_whole_event_sends_one_mail_per_registrant_with_every_date(
    region_site, smtp_server, django_capture_on_commit_callbacks
):
    whole = EventPageFactory(parent=region_site.events, recurrence="FREQ=WEEKLY;COUNT=3")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(whole, email="anna@school.nl").registration
    with django_capture_on_commit_callbacks(execute=True):
        told = services.cancel_event(whole.pk, "Te weinig aanmeldingen")
    assert [r.pk for r in told] == [registration.pk]
    assert len(smtp_server.messages) == 2
    calendar = ical_of(smtp_server.messages[1][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert len(calendar.walk("VEVENT")) == 3
    assert all(str(v["STATUS"]) == "CANCELLED" for v in calendar.walk("VEVENT"))
    with pytest.raises(services.RegistrationError):
        services.cancel_event(whole.pk, "nogmaals")


def test_cancelling_needs_a_reason(series):
    with pytest.raises(services.RegistrationError) as error:
        services.cancel_occurrence(series.occurrences.first().pk, "   ")
    assert error.value.field == "reason"


def test_region_feed_and_page_show_a_cancelled_date(series, region_site, client):
    first = series.occurrences.first()
    services.cancel_occurrence(first.pk, "Storm")
    feed = icalendar.Calendar.from_ical(calendars.region_feed(region_site.home))
    entries = {str(v["UID"]): v for v in feed.walk("VEVENT")}
    assert len(entries) == 4
    cancelled = entries[f"event-{series.pk}-date-{first.pk}@events.sterktechniekonderwijs"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == 1

    html = client.get(series.url).content.decode()
    assert "geannuleerd" in html and "Storm" in html


def test_agenda_marks_a_cancelled_event(region_site, client):
    event = EventPageFactory(parent=region_site.events, title="Masterclass Robotica")
    services.cancel_event(event.pk, "Ziekte")
    html = client.get(region_site.events.url).content.decode()
    card = html[html.index("Masterclass Robotica") - 400 : html.index("Masterclass Robotica")]
    assert "Geannuleerd" in card


def test_series_whose_first_date_passed_is_still_upcoming(region_site):
    start = _start(days=-3)
    event = EventPageFactory(
        parent=region_site.events,
        start=start,
        end=start + dt.timedelta(hours=2),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    assert event in filter_events(EventPage.objects.all(), when="upcoming")
    assert event not in filter_events(EventPage.objects.all(), when="past")


def test_api_lists_occurrences_with_their_state(series, client, django_assert_max_num_queries):
    services.cancel_occurrence(series.occurrences.first().pk, "Storm")
    with django_assert_max_num_queries(12):
        body = client.get(f"/api/v3/events/{series.pk}/").json()
    assert len(body["occurrences"]) == 4
    assert body["occurrences"][0]["cancelled"] is True
    assert body["occurrences"][0]["cancellation_reason"] == "Storm"
    assert body["occurrences"][1]["status"] == "scheduled"
    assert body["registration_scope"] == "occurrence"
    schema = client.get("/api/v3/openapi.json").json()
    detail = schema["components"]["schemas"]["EventPageSchema"]["properties"]
    assert "occurrences" in detail


def test_api_registers_for_one_date(series, client):
    second = series.occurrences.all()[1]
    response = client.post(
        f"/api/v3/event-registrations/{series.pk}/",
        data={
            "name": "Anna",
            "role": "teacher",
            "email": "anna@school.nl",
            "privacy_consent": True,
            "occurrence": second.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["occurrence"] == second.pk
    missing = client.post(
        f"/api/v3/event-registrations/{series.pk}/",
        data={"name": "Bob", "role": "teacher", "email": "bob@school.nl", "privacy_consent": True},
        content_type="application/json",
    )
    assert missing.status_code == 400
    assert "occurrence" in str(missing.json())
