"""CSV cells that a spreadsheet would run as a formula come out as text (OWASP CSV injection)."""

import csv
import datetime
import io

import pytest
from django.utils import translation

from cms.exports import csv_dict_writer, csv_writer, local_datetime, neutralise_cell, yes_no


@pytest.mark.parametrize("value", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_starts_get_a_quote(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Juf Anna", "", "a=b", 5, -3, None])
def test_other_values_are_unchanged(value):
    assert neutralise_cell(value) == value


def test_writers_neutralise_every_cell():
    out = io.StringIO()
    csv_writer(out).writerow(["=HYPERLINK(1)", 2])
    writer = csv_dict_writer(out, ["name"])
    writer.writeheader()
    writer.writerow({"name": "@x"})

    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=HYPERLINK(1)", "2"], ["name"], ["'@x"]]


def test_local_datetime_is_amsterdam_time_to_the_second():
    value = datetime.datetime(2026, 7, 1, 9, 30, 5, 999999, tzinfo=datetime.UTC)

    assert local_datetime(value) == datetime.datetime(2026, 7, 1, 11, 30, 5)


def test_yes_no_in_dutch():
    with translation.override("nl"):
        assert (yes_no(True), yes_no(False), yes_no(None)) == ("Ja", "Nee", "")
