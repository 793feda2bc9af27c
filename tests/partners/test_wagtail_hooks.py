"""The partner offering admin: its CSV export cannot carry spreadsheet formulas."""

import csv
import io

import pytest
from django.urls import reverse

from .factories import PartnerOfferFactory

pytestmark = pytest.mark.django_db


def test_csv_export_neutralises_formulas(admin_client):
    PartnerOfferFactory(title="+31 Gastles", place="-Rotterdam")

    response = admin_client.get(reverse("wagtailsnippets_partners_partneroffer:list"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    [_heading, row] = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert row[0] == "'+31 Gastles"
    assert "'-Rotterdam" in row
