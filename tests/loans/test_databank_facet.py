"""The databank's "te leen" filter: kits whose box schools can borrow, kept current by the loans app."""

import pytest

from cms.loans.models import Copy
from tests.factories import LessonKitPageFactory

from .factories import CopyFactory, LendableItemFactory

pytestmark = pytest.mark.django_db


def publish_kit(parent, title):
    kit = LessonKitPageFactory(parent=parent, title=title, summary="Een leskist over stroom.")
    kit.save_revision().publish()
    return kit


def lending(client, **params) -> tuple[list[str], list[dict]]:
    body = client.get("/api/v3/databank/search", {"q": "stroom", **params}).json()
    facets = {facet["key"]: facet for facet in body["facets"]}
    values = facets["lending"]["values"] if "lending" in facets else []
    return [hit["title"] for hit in body["results"]], values


def test_a_kit_with_a_box_to_borrow_gets_the_te_leen_filter_and_loses_it_with_its_last_copy(
    client, region_site, django_capture_on_commit_callbacks
):
    lendable = publish_kit(region_site.databank, "Stroomkringen")
    publish_kit(region_site.databank, "Stroom uit de zon")
    assert lending(client)[1] == []  # no box anywhere: no filter to show

    with django_capture_on_commit_callbacks(execute=True):
        copy = CopyFactory(item=LendableItemFactory(lesson_kit=lendable))

    titles, facet = lending(client)
    assert sorted(titles) == ["Stroom uit de zon", "Stroomkringen"]
    assert [(v["value"], v["label"], v["count"]) for v in facet] == [("te-leen", "Te leen", 1)]
    assert lending(client, lending="te-leen")[0] == ["Stroomkringen"]

    with django_capture_on_commit_callbacks(execute=True):
        copy.status = Copy.Status.OUT_OF_SERVICE
        copy.save()

    assert lending(client)[1] == []
    assert lending(client, lending="te-leen")[0] == []


def test_moving_a_box_to_another_kit_moves_the_filter(
    client, region_site, django_capture_on_commit_callbacks
):
    first = publish_kit(region_site.databank, "Stroomkringen")
    second = publish_kit(region_site.databank, "Stroom uit de zon")
    with django_capture_on_commit_callbacks(execute=True):
        item = CopyFactory(item=LendableItemFactory(lesson_kit=first)).item
    with django_capture_on_commit_callbacks(execute=True):
        item.lesson_kit = second
        item.save()

    assert lending(client, lending="te-leen")[0] == ["Stroom uit de zon"]
