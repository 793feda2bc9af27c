"""The bookings JSON API: availability, create (201/200/400/409/429) and cancel by token."""

import datetime as dt
import json
import uuid

import factory
import pytest
from django.utils import timezone

from cms.bookings import services, tokens
from cms.bookings.models import Booking, TimeSlot
from cms.snippets.models import School
from tests.api.problems import assert_problem, error_fields, errors_at
from tests.factories import SchoolFactory, TargetGroupFactory, TechniekhuisPageFactory, ThemeFactory

from .factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db

URL = "/api/v3/bookings/"


def valid_payload(slot, /, **overrides) -> dict:
    payload = {
        "slot": slot.pk,
        "school_name": "OBS De Regenboog",
        "school_brin": "12AB",
        "school_street": "Schoolstraat 1",
        "school_postcode": "3011AB",
        "school_city": "Rotterdam",
        "contact_name": "Juf Anna",
        "email": "anna@regenboog.nl",
        "phone": "010-1234567",
        "group": 6,
        "pupils": 24,
        "notes": "Twee leerlingen in een rolstoel.",
        "privacy_consent": True,
        "idempotency_key": uuid.uuid4().hex,
    }
    payload.update(overrides)
    return {k: v for k, v in payload.items() if v is not ...}


def post(client, payload, remote_addr="127.0.0.1", **headers):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json", headers=headers, REMOTE_ADDR=remote_addr)


def test_offerings_list_shows_open_slots_with_live_availability(client, django_assert_max_num_queries):
    offering = LessonOfferingFactory(title="Zonne-energie")
    offering.target_groups.set([TargetGroupFactory(name="po groep 7/8")])
    slot = TimeSlotFactory(offering=offering, capacity_classes=3)
    TimeSlotFactory(offering=offering, date=timezone.localdate() - dt.timedelta(days=1))
    TimeSlotFactory(offering=LessonOfferingFactory(active=False))
    services.book_slot(
        services.BookingRequest(
            slot_id=slot.pk,
            school=SchoolFactory(),
            contact_name="A",
            email="a@b.nl",
            group=7,
            pupils=20,
            privacy_consent=True,
            idempotency_key=uuid.uuid4().hex,
        )
    )
    for _ in range(3):
        TimeSlotFactory(offering=LessonOfferingFactory())

    with django_assert_max_num_queries(6):
        data = client.get(URL + "offerings/").json()

    assert data["count"] == 4
    item = next(i for i in data["items"] if i["title"] == "Zonne-energie")
    assert [g["name"] for g in item["target_groups"]] == ["po groep 7/8"]
    assert [s["id"] for s in item["slots"]] == [slot.pk]
    assert item["slots"][0]["classes_left"] == 2
    assert item["slots"][0]["is_full"] is False


def test_offerings_can_be_filtered_by_techniekhuis(client, region_site):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen)
    mine = LessonOfferingFactory(techniekhuis=house)
    LessonOfferingFactory()
    data = client.get(URL + "offerings/", {"techniekhuis": house.pk}).json()
    assert [i["id"] for i in data["items"]] == [mine.pk]
    assert data["items"][0]["techniekhuis"] == house.title


def test_create_booking_returns_201_and_a_retry_returns_the_same_booking(client):
    slot = TimeSlotFactory(capacity_classes=2)
    payload = valid_payload(slot)
    first = post(client, payload)
    second = post(client, payload)
    assert first.status_code == 201, first.content
    assert second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    assert first.json()["status"] == "confirmed"
    assert Booking.objects.count() == 1
    assert School.objects.get().brin_code == "12AB"


def test_idempotency_key_header_is_honoured(client):
    slot = TimeSlotFactory()
    payload = valid_payload(slot, idempotency_key=...)
    a = post(client, payload, **{"Idempotency-Key": "retry-key-123"})
    b = post(client, payload, **{"Idempotency-Key": "retry-key-123"})
    assert (a.status_code, b.status_code) == (201, 200)
    assert Booking.objects.get().idempotency_key == "retry-key-123"


def test_known_school_by_id(client):
    school = SchoolFactory()
    response = post(
        client, valid_payload(TimeSlotFactory(), school_id=school.pk, school_brin="", school_name="")
    )
    assert response.status_code == 201, response.content
    assert Booking.objects.get().school == school


def test_full_slot_answers_409_with_waitlist_option_and_waitlist_request_succeeds(client):
    slot = TimeSlotFactory(capacity_classes=1)
    assert post(client, valid_payload(slot)).status_code == 201
    body = assert_problem(post(client, valid_payload(slot)), 409)
    assert body["waitlist_available"] is True
    assert body["code"] == "full"
    assert errors_at(body, "body", "slot")
    waiting = post(client, valid_payload(slot, waitlist=True))
    assert waiting.status_code == 201
    assert waiting.json()["status"] == "waitlisted"


LONG_NOTES = "x" * 2001


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"contact_name": ...}, "contact_name"),
        ({"email": ...}, "email"),
        ({"privacy_consent": False}, "privacy_consent"),
        ({"slot": ...}, "slot"),
        ({"slot": 999999}, "slot"),
        ({"email": "juf@"}, "email"),
        ({"school_brin": "1234"}, "school_brin"),
        ({"school_brin": "AB12"}, "school_brin"),
        ({"school_postcode": "0123 AB"}, "school_postcode"),
        ({"school_postcode": "12345"}, "school_postcode"),
        ({"school_name": ""}, "school_name"),
        ({"pupils": 0}, "pupils"),
        ({"pupils": 500}, "pupils"),
        ({"pupils": "veel"}, "pupils"),
        ({"group": 2}, "group"),
        ({"group": 9}, "group"),
        ({"phone": "12"}, "phone"),
        ({"notes": "<script>alert(1)</script>"}, "notes"),
        ({"notes": 'Hallo <a href="x">klik</a>'}, "notes"),
        ({"notes": LONG_NOTES}, "notes"),
        ({"website": "http://spam.example"}, "__all__"),
        ({"idempotency_key": "<>"}, "idempotency_key"),
    ],
)
def test_bad_input_answers_400_with_field_errors_and_saves_nothing(client, overrides, field):
    slot = TimeSlotFactory()
    body = assert_problem(post(client, valid_payload(slot, **overrides)), 400)
    assert body["code"] == "invalid"
    assert field in error_fields(body), body
    assert errors_at(body, "body") if field == "__all__" else errors_at(body, "body", field)
    assert not Booking.objects.exists()
    assert not School.objects.exists()


@pytest.mark.parametrize(
    "slot_kwargs",
    [
        {"date": timezone.localdate() - dt.timedelta(days=3)},
        {"booking_deadline": timezone.now() - dt.timedelta(hours=1)},
    ],
)
def test_past_or_closed_slot_answers_400(client, slot_kwargs):
    body = assert_problem(post(client, valid_payload(TimeSlotFactory(**slot_kwargs))), 400)
    assert errors_at(body, "body", "slot")
    assert not Booking.objects.exists()


@pytest.mark.parametrize("body", ["not json", "[1, 2]", "", '"string"'])
def test_malformed_body_answers_400(client, body):
    problem = assert_problem(post(client, body), 400)
    assert problem["code"] == "invalid_json"
    assert errors_at(problem, "body") == [problem["detail"]]


def test_oversized_body_answers_400_and_saves_nothing(client):
    payload = valid_payload(TimeSlotFactory(), notes="a" * 100_000)
    assert assert_problem(post(client, payload), 400)["code"] == "too_large"
    assert not Booking.objects.exists()


def test_errors_are_in_dutch(client):
    response = post(
        client, valid_payload(TimeSlotFactory(), school_brin="XX", pupils=0), **{"Accept-Language": "nl"}
    )
    body = assert_problem(response, 400)
    assert body["detail"] == "De boeking kon niet worden opgeslagen; zie de fouten per veld."
    (brin,) = errors_at(body, "body", "school_brin")
    assert "BRIN" in brin and "cijfers" in brin
    assert "leerling" in errors_at(body, "body", "pupils")[0]


def test_rate_limit_answers_429_per_ip(client, settings):
    settings.RATE_LIMITS = {"bookings": (2, 60)}
    slot = TimeSlotFactory(capacity_classes=10)
    responses = [post(client, valid_payload(slot)) for _ in range(3)]
    assert [r.status_code for r in responses] == [201, 201, 429]
    assert assert_problem(responses[2], 429)["code"] == "rate_limited"
    assert 1 <= int(responses[2]["Retry-After"]) <= 60
    assert post(client, valid_payload(slot), remote_addr="10.0.0.2").status_code == 201
    assert Booking.objects.count() == 3


def test_cancel_with_token_frees_the_place(client):
    slot = TimeSlotFactory(capacity_classes=1)
    booking = BookingFactory(slot=slot)
    TimeSlot.objects.filter(pk=slot.pk).update(booked_classes=1)  # the place the booking holds
    token = tokens.make_cancel_token(booking)
    response = client.post(URL + "cancel/", {"token": token}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    slot.refresh_from_db()
    assert slot.booked_classes == 0
    again = client.post(URL + "cancel/", {"token": token}, content_type="application/json")
    assert assert_problem(again, 400)["code"] == "used_token"


def test_cancel_with_forged_token_is_refused(client):
    booking = BookingFactory()
    forged = tokens.make_cancel_token(booking)[:-3] + "abc"
    response = client.post(URL + "cancel/", {"token": forged}, content_type="application/json")
    assert assert_problem(response, 400)["code"] == "invalid_token"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/bookings/offerings/" in schema["paths"]
    create = schema["paths"]["/api/v3/bookings/"]["post"]
    assert {"201", "400", "409"} <= set(create["responses"])
    assert "pupils" in create["requestBody"]["content"]["application/json"]["schema"]["properties"]
    assert "/api/v3/bookings/cancel/" in schema["paths"]


def test_booking_request_runs_a_fixed_small_number_of_queries(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """The request itself (validation, lock, reserve, insert) and the after-commit mail work."""
    slot = TimeSlotFactory(capacity_classes=3)
    school = SchoolFactory()
    payload = valid_payload(slot, school_id=school.pk, school_name="", school_brin="")
    # 13: validation reads, the lesson's groups (form and service), the idempotency key checked
    # before and again under the slot lock, lock, reserve, insert.
    with django_capture_on_commit_callbacks(execute=False) as callbacks, django_assert_max_num_queries(13):
        assert post(client, payload).status_code == 201
    # Queue the confirmation (outbox insert), deliver it, update the reference index.
    with django_assert_max_num_queries(16):
        for callback in callbacks:
            callback()
    assert Booking.objects.get().notifications_pending is False


def test_after_the_lesson_started_the_school_cannot_cancel_it_any_more(client):
    slot = TimeSlotFactory(capacity_classes=1, date=timezone.localdate() - dt.timedelta(days=1))
    booking = BookingFactory(slot=slot)
    token = tokens.make_cancel_token(booking)

    body = assert_problem(
        client.post(URL + "cancel/", {"token": token}, content_type="application/json"), 409
    )

    assert body["code"] == "lesson_started"
    assert "al begonnen" in body["detail"]
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_new_school_name_with_line_breaks_is_booked_on_one_line_and_mailed(
    client, region_site, smtp_server, django_capture_on_commit_callbacks
):
    """A careless client's line breaks are a slip, not a reason to lose the booking: one line it is."""
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen, email="planning@techniekhuis.nl")
    slot = TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=house, title="Windmolens"))
    payload = valid_payload(slot, school_name="X\r\nY", contact_name="Juf\r\nBcc: iedereen@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, payload)

    assert response.status_code == 201, response.content
    assert response.json()["school"] == "X Y"
    booking = Booking.objects.get()
    assert (booking.school.name, booking.contact_name) == ("X Y", "Juf Bcc: iedereen@example.org")
    subjects = {m["Subject"] for _, m in smtp_server.messages}
    assert subjects == {"Boeking bevestigd: Windmolens", "Nieuwe boeking: X Y, Windmolens"}
    for _, message in smtp_server.messages:
        body = message.get_body(("plain",)).get_content()
        assert not any(line.startswith("Bcc:") for line in body.splitlines())


def test_offerings_take_the_filters_of_the_booking_page(client, region_site):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen)
    theme = ThemeFactory(slug="energie")
    solar = LessonOfferingFactory(title="Zonne-auto", techniekhuis=house)
    solar.target_groups.set([TargetGroupFactory(name="po groep 7/8", slug="po-groep-7-8")])
    solar.themes.set([theme])
    later = timezone.localdate() + dt.timedelta(days=60)
    soon = TimeSlotFactory(offering=solar)
    TimeSlotFactory(offering=solar, date=later)
    TimeSlotFactory(offering=LessonOfferingFactory(title="Bruggen", techniekhuis=house))

    def titles(**query):
        return [item["title"] for item in client.get(URL + "offerings/", query).json()["items"]]

    assert sorted(titles(group=7)) == ["Bruggen", "Zonne-auto"]  # Bruggen names no group: open to all
    assert titles(group=3) == ["Bruggen"]
    assert titles(theme="energie") == ["Zonne-auto"]
    assert sorted(titles(region=region_site.region.slug)) == ["Bruggen", "Zonne-auto"]
    assert titles(region="elders") == []
    item = client.get(URL + "offerings/", {"date_from": later.isoformat()}).json()["items"][0]
    assert [s["date"] for s in item["slots"]] == [later.isoformat()]  # only the period's slots
    item = client.get(URL + "offerings/", {"theme": "energie", "group": 8}).json()["items"][0]
    assert item["groups"] == [7, 8]
    assert item["themes"] == [{"id": theme.pk, "name": theme.name}]
    assert item["slots"][0]["id"] == soon.pk


@pytest.mark.parametrize("query", [{"group": "2"}, {"group": "zes"}, {"date_from": "morgen"}])
def test_offerings_refuse_bad_filters_with_400(client, query):
    response = client.get(URL + "offerings/", query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


def test_a_school_is_found_by_part_of_its_name_or_its_brin_code_for_its_id(client):
    regenboog = SchoolFactory(
        name="OBS De Regenboog", brin_code="12AB", city="Rotterdam", contact_email="a@b.nl"
    )
    SchoolFactory(name="CBS De Regenboog Noord", brin_code="17CD")
    SchoolFactory(
        name="Regenboog College", brin_code="20EF", school_type=School.SchoolType.VMBO
    )  # can't book
    SchoolFactory(name="De Klimop", brin_code="30GH")

    by_name = client.get(f"{URL}schools/", {"q": "regenboog"}).json()
    by_brin = client.get(f"{URL}schools/", {"q": "12ab"}).json()

    assert [s["name"] for s in by_name["items"]] == ["CBS De Regenboog Noord", "OBS De Regenboog"]
    assert by_name["more"] is False
    assert by_brin == {
        "items": [
            {
                "id": regenboog.pk,
                "name": "OBS De Regenboog",
                "brin_code": "12AB",
                "city": "Rotterdam",
                "school_type": "po",
            }
        ],
        "more": False,
    }


def test_school_look_up_lists_ten_and_says_there_are_more_in_two_queries(
    client, django_assert_max_num_queries
):
    SchoolFactory.create_batch(12, name=factory.Sequence(lambda n: f"Basisschool Het Anker {n:02d}"))

    with django_assert_max_num_queries(2):
        found = client.get(f"{URL}schools/", {"q": "anker"}).json()

    assert len(found["items"]) == 10 and found["more"] is True


def test_school_look_up_needs_two_characters(client):
    response = client.get(f"{URL}schools/", {"q": "r"})

    assert error_fields(assert_problem(response, 400), "query") == {"q"}


def test_a_booking_without_any_school_names_the_field_the_api_knows(client):
    slot = TimeSlotFactory(capacity_classes=3)
    no_school = dict.fromkeys(
        ["school_name", "school_brin", "school_street", "school_postcode", "school_city"], ...
    )

    response = post(client, valid_payload(slot, **no_school))

    assert error_fields(assert_problem(response, 400)) == {"school_id"}
