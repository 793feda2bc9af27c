"""The in-process facet bitmaps follow every index write, in this process and in others."""

import pytest

from search import bitmaps, services, spelling
from search.backends.base import SearchParams
from search.backends.database import DatabaseBackend
from tests.factories import LessonKitPageFactory

pytestmark = pytest.mark.django_db


def run(q="", **kwargs):
    return DatabaseBackend().search(SearchParams(q=q, page_size=100, **kwargs).validate())


def titles(results):
    return [hit.title for hit in results.hits]


def as_if_another_process_cached(snapshot):
    """A process that loaded ``snapshot`` before the write and has not searched since."""
    bitmaps._snapshots["default"] = snapshot


def test_publishing_is_seen_by_the_next_search_here_and_in_other_processes(databank):
    before = run()
    stale = bitmaps._snapshots["default"]
    kit = LessonKitPageFactory(parent=databank.site.databank, title="Windmolens bouwen", live=False)
    kit.save_revision().publish()

    assert {h.id for h in run("windmolens").hits} == {kit.pk}  # this process
    as_if_another_process_cached(stale)
    assert {h.id for h in run("windmolens").hits} == {kit.pk}  # a process with an older snapshot
    assert run().total == before.total + 1


def test_unpublishing_and_renaming_are_seen_by_a_process_with_an_old_snapshot(databank):
    run()
    stale = bitmaps._snapshots["default"]
    databank.kits["toren"].unpublish()
    theme = databank.terms["energie"]
    theme.name = "Energie van de zon"
    theme.save()

    as_if_another_process_cached(stale)
    results = run()
    assert databank.kits["toren"].pk not in {h.id for h in results.hits}
    assert "Energie van de zon" in {v.label for v in results.facets["theme"]}
    assert {v.value: v.count for v in results.facets["theme"]}["constructies"] == 1


def test_a_download_reorders_most_downloaded_without_a_full_reload(databank):
    assert run(sort="downloads").total == 5
    loaded = bitmaps._snapshots["default"]
    services.record_download(databank.kits["kompas"].pk, as_zip=True)

    assert titles(run(sort="downloads"))[0] == "Richting vinden"
    reloaded = bitmaps._snapshots["default"]
    assert reloaded.downloads_token != loaded.downloads_token
    assert reloaded.facets is loaded.facets  # only the downloads order was re-read


def test_the_snapshot_is_reused_while_nothing_changes(databank, django_assert_num_queries):
    run("bruggen")
    with django_assert_num_queries(3):  # token, full-text match, hit details
        run("bruggen", filters={"theme": ["constructies"]})
    with django_assert_num_queries(2):  # browsing skips the full-text statement
        run(filters={"theme": ["constructies"]})


def test_after_warming_up_the_first_search_builds_nothing(databank, django_assert_num_queries):
    """What a web server does before forking its workers (deploy/gunicorn.conf.py)."""
    bitmaps._snapshots.clear()
    spelling.forget()

    services.warm_up()

    with django_assert_num_queries(3):  # token, full-text match, hit details: no loading
        run("bruggen", filters={"theme": ["constructies"]})
    with django_assert_num_queries(1):  # the token: the vocabulary is built already
        assert spelling.correct(spelling.vocabulary(), "knikers") == "knikkers"
