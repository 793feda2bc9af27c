"""The event registrations export opens in Dutch Excel: columns, Dutch headers and labels, local time."""

import csv
import datetime
import io
from datetime import UTC

import openpyxl
import pytest

from cms.events.models import EventRegistration
from cms.exports import DutchExcel
from tests.factories import EventPageFactory

from .factories import EventRegistrationFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/snippets/events/eventregistration/"


@pytest.fixture
def registration(region_site):
    event = EventPageFactory(parent=region_site.events, title="Masterclass robotica")
    registration = EventRegistrationFactory(event=event, status=EventRegistration.Status.WAITLISTED)
    EventRegistration.objects.filter(pk=registration.pk).update(
        created_at=datetime.datetime(2026, 7, 1, 9, 30, 5, 999999, tzinfo=UTC)
    )
    return registration


def test_csv_export_in_dutch_excel_dialect(admin_client, registration):
    response = admin_client.get(INDEX, {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    [row] = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff")), dialect=DutchExcel))
    assert row["Bijeenkomst"] == "Masterclass robotica"
    assert row["Status"] == "Op de wachtlijst"
    assert row["Rol"] == "Docent"
    assert row["Aangemaakt"] == "1-7-2026 11:30"  # summer time in Amsterdam


def test_xlsx_export_has_local_time_without_microseconds(admin_client, registration):
    response = admin_client.get(INDEX, {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = list(sheet.iter_rows(values_only=True))
    values = dict(zip(header, row, strict=True))
    assert values["Aangemaakt"] == datetime.datetime(2026, 7, 1, 11, 30, 5)
    assert values["Status"] == "Op de wachtlijst"
