"""CSV cells that a spreadsheet would run as a formula come out as text (OWASP CSV injection)."""

import csv
import io

import pytest

from cms.exports import csv_dict_writer, csv_writer, neutralise_cell


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
