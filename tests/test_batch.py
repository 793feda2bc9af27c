"""Batch jobs go item by item: a failing item is logged, rolled back alone, and the rest go on."""

import logging

import pytest

from cms.batch import each
from cms.snippets.models import Theme

pytestmark = pytest.mark.django_db


def test_a_failing_item_is_logged_and_rolled_back_alone_while_the_others_go_on(caplog):
    def create_theme(name: str) -> bool:
        Theme.objects.create(name=name, slug=name)
        if name == "kapot":
            raise RuntimeError("this row is poisoned")
        return True

    with caplog.at_level(logging.ERROR, logger="cms.batch"):
        outcome = each(["bouwen", "kapot", "energie"], create_theme, what="Theme")

    assert (outcome.done, outcome.failed) == (2, ["kapot"])
    assert sorted(Theme.objects.values_list("name", flat=True)) == ["bouwen", "energie"]
    [record] = caplog.records
    assert "Theme kapot failed" in record.getMessage() and record.exc_info


def test_items_that_had_nothing_to_do_are_not_counted():
    assert each([1, 2, 3], lambda n: n != 2, what="Item").done == 2
