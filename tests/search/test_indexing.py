"""Index updates follow publishing, unpublishing, moving, deleting, privacy and taxonomy renames."""

import pytest
from wagtail.models import PageViewRestriction

from search import services
from search.backends.base import SearchParams
from search.models import LessonMaterial, PendingIndexUpdate
from tests.factories import DatabankPageFactory, HomePageFactory, LessonKitPageFactory

pytestmark = pytest.mark.django_db


def found(q="", **kwargs):
    return {h.id for h in services.search(SearchParams(q=q, page_size=100, **kwargs)).hits}


def test_publishing_indexes_and_unpublishing_removes(region_site):
    kit = LessonKitPageFactory(parent=region_site.databank, title="Windmolens", live=False)
    assert kit.pk not in found("windmolens")
    kit.save_revision().publish()
    assert kit.pk in found("windmolens")
    kit.refresh_from_db()
    kit.unpublish()
    assert kit.pk not in found("windmolens")


def test_a_new_draft_of_a_live_kit_does_not_change_what_is_found(databank):
    kit = databank.kits["zon"]
    kit.title = "Geheime nieuwe titel"
    kit.save_revision()
    assert kit.pk not in found("geheime nieuwe titel")
    assert kit.pk in found("zonne-energie")


def test_deleting_a_kit_removes_it(databank):
    kit = databank.kits["toren"]
    kit.delete()
    assert not LessonMaterial.objects.filter(page_id=kit.pk).exists()
    assert found("spaghettitoren") == set()


def test_moving_updates_the_url(databank):
    home = HomePageFactory(parent=databank.site.home.get_parent(), slug="tweede")
    other = DatabankPageFactory(parent=home, slug="andere-databank")
    kit = databank.kits["toren"]
    kit.move(other, pos="last-child")
    assert LessonMaterial.objects.get(page_id=kit.pk).url.endswith(
        "/andere-databank/de-hoogste-spaghettitoren/"
    )


def test_a_view_restriction_hides_and_lifting_it_shows_again(databank):
    kit = databank.kits["zon"]
    restriction = PageViewRestriction.objects.create(
        page=kit, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert kit.pk not in found("zonne-energie")
    restriction.delete()
    assert kit.pk in found("zonne-energie")


def test_renaming_a_taxonomy_term_updates_labels_and_text(databank):
    theme = databank.terms["constructies"]
    theme.name = "Bouwconstructies"
    theme.save()
    facets = services.search(SearchParams().validate()).facets["theme"]
    assert "Bouwconstructies" in {f.label for f in facets}
    assert databank.kits["toren"].pk in found("bouwconstructies")


def test_rebuild_restores_an_emptied_index(databank):
    LessonMaterial.objects.all().delete()
    assert services.rebuild_database_index() == 5
    assert found("kompasnaald") == {databank.kits["kompas"].pk}


def test_elasticsearch_down_search_answers_from_database_and_updates_are_kept(databank, settings, caplog):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    results = services.search(SearchParams(q="kompasnaald").validate())
    assert results.backend == "database"
    assert {h.id for h in results.hits} == {databank.kits["kompas"].pk}
    assert "answering from the database backend" in caplog.text

    kit = databank.kits["zon"]
    kit.save_revision().publish()
    pending = PendingIndexUpdate.objects.get(page_id=kit.pk)
    assert (pending.action, pending.attempts) == ("index", 1)
    assert services.retry_pending_updates() == 1
    assert PendingIndexUpdate.objects.get(page_id=kit.pk).attempts == 2
    assert kit.pk in found("zonne-energie")  # the database index itself was updated
