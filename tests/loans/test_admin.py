"""The loan desk and admin: coordinators see their own pick-up point, check out/in by number,
print QR labels, export loans; AVG retention and export."""

import datetime as dt
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from cms.loans.models import LoanCoordinator, Reservation
from cms.loans.privacy import anonymise_loans

from .factories import CopyFactory, PickupPointFactory, ReservationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    point = PickupPointFactory(name="Techniekhuis Noord")
    user = get_user_model().objects.create_user("coord", "coord@techniekhuis.nl", "secret-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    LoanCoordinator.objects.create(user=user, pickup_point=point)
    client.force_login(user)
    return client, point


def test_desk_shows_todays_pickups_of_the_own_point_only(coordinator):
    client, point = coordinator
    today = timezone.localdate()
    own = ReservationFactory(copy__pickup_point=point, pickup_date=today, contact_name="Juf Noord")
    ReservationFactory(pickup_date=today, contact_name="Juf Elders")
    html = client.get("/admin/uitleenbalie/").content.decode()
    assert own.copy.inventory_number in html and "Juf Noord" in html
    assert "Juf Elders" not in html


def test_desk_checks_out_and_in_by_scanned_number(coordinator):
    client, point = coordinator
    loan = ReservationFactory(
        copy__pickup_point=point, copy__inventory_number="EL-7", pickup_date=timezone.localdate()
    )
    response = client.post("/admin/uitleenbalie/", {"inventory_number": "el-7", "action": "check_out"})
    assert response.status_code == 200
    loan.refresh_from_db()
    assert loan.status == Reservation.Status.PICKED_UP
    client.post(
        "/admin/uitleenbalie/",
        {"inventory_number": "EL-7", "action": "check_in", "pupils_reached": "24", "damage": "Schaar kwijt"},
    )
    loan.refresh_from_db()
    assert loan.status == Reservation.Status.RETURNED and loan.pupils_reached == 24


def test_desk_refuses_a_copy_of_another_point(coordinator):
    client, _point = coordinator
    other = ReservationFactory(copy__inventory_number="ZZ-1", pickup_date=timezone.localdate())
    response = client.post("/admin/uitleenbalie/", {"inventory_number": "ZZ-1", "action": "check_out"})
    assert "ZZ-1" in response.content.decode()
    other.refresh_from_db()
    assert other.status == Reservation.Status.CONFIRMED


def test_label_sheet_is_an_a4_pdf(coordinator):
    client, point = coordinator
    for _ in range(30):
        CopyFactory(pickup_point=point)
    response = client.get(f"/admin/uitleenbalie/etiketten/{point.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"/Count 2" in response.content  # 30 labels: 24 on the first sheet, 6 on the second


def test_anonymous_visitors_have_no_desk(client):
    assert client.get("/admin/uitleenbalie/").status_code in (302, 403)


def test_loan_export_is_dutch_csv(admin_client):
    ReservationFactory(contact_name="=HYPERLINK()")
    response = admin_client.get("/admin/loans/reservation/?export=csv")
    body = (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode()
    )
    assert ";" in body.splitlines()[0]
    assert "'=HYPERLINK()" in body


def test_old_loans_are_anonymised_and_keep_their_figures():
    long_ago = timezone.localdate() - dt.timedelta(days=800)
    old = ReservationFactory(
        pickup_date=long_ago,
        return_date=long_ago + dt.timedelta(days=4),
        blocked_until=long_ago + dt.timedelta(days=6),
        status=Reservation.Status.RETURNED,
        pupils_reached=22,
    )
    recent = ReservationFactory()
    assert anonymise_loans() == 1
    assert anonymise_loans() == 0
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == "" and old.contact_name == "" and old.pupils_reached == 22
    assert recent.email


def test_school_export_command_lists_its_loans(capsys):
    loan = ReservationFactory(email="juf@school.nl")
    call_command("export_school_loans", loan.school.brin_code)
    data = json.loads(capsys.readouterr().out)
    assert data["loans"][0]["email"] == "juf@school.nl"


def test_reminder_command_runs_idempotently():
    out = io.StringIO()
    ReservationFactory(pickup_date=timezone.localdate() + dt.timedelta(days=1))
    call_command("send_loan_reminders", stdout=out)
    call_command("send_loan_reminders", stdout=out)
    assert "Queued 1 reminder(s)" in out.getvalue() and "Queued 0 reminder(s)" in out.getvalue()


@pytest.mark.parametrize("model", ["copy", "reservation"])
def test_coordinator_opens_only_own_history_pages(coordinator, model):
    """History pages are scoped like the lists (the shared participation.admin.ScopedModelAdmin)."""
    client, point = coordinator
    user = get_user_model().objects.get(username="coord")
    user.user_permissions.add(Permission.objects.get(codename=f"view_{model}"))
    mine, other = ReservationFactory(copy__pickup_point=point), ReservationFactory()
    if model == "copy":
        mine, other = mine.copy, other.copy
    assert client.get(f"/admin/loans/{model}/history/{mine.pk}/").status_code == 200
    assert client.get(f"/admin/loans/{model}/history/{other.pk}/").status_code == 404
