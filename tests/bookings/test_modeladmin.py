"""Staff admin: coordinators see and act on their own techniekhuis's bookings only; CSV/XLSX export."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission

from cms.bookings.models import Booking
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
