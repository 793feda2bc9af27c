"""A page's files are exactly as visible as the page: documents and images of draft or login-restricted
pages are not listed, not findable by id and not served to anonymous clients."""

import pytest
import wagtail_factories
from django.contrib.auth.models import Permission
from wagtail.models import PageViewRestriction

from cms.pages.models import LessonKitPage
from tests.factories import LessonKitPageFactory, NewsArticlePageFactory
from tests.search.factories import LessonKitDownloadFactory, PdfDocumentFactory

pytestmark = pytest.mark.django_db

DOCUMENTS = "/api/v3/documents/"
IMAGES = "/api/v3/images/"


def kit_with_file(parent, *, live=True, title=None):
    kit = LessonKitPageFactory(parent=parent, live=live, **({"title": title} if title else {}))
    download = LessonKitDownloadFactory(page=kit, document=PdfDocumentFactory())
    return LessonKitPage.objects.get(pk=kit.pk), download.document


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def listed_ids(client, url=DOCUMENTS):
    response = client.get(url, {"limit": 100})
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def serve(client, document):
    return client.get(document.url)


@pytest.fixture
def files(region_site):
    databank = region_site.databank
    public_kit, public_doc = kit_with_file(databank, title="Brug")
    draft_kit, draft_doc = kit_with_file(databank, live=False, title="Concept")
    restricted_kit, restricted_doc = kit_with_file(databank, title="Besloten")
    restrict(restricted_kit)
    site_wide = PdfDocumentFactory(title="Privacyverklaring")
    return {
        "public_kit": public_kit,
        "public": public_doc,
        "draft_kit": draft_kit,
        "draft": draft_doc,
        "restricted_kit": restricted_kit,
        "restricted": restricted_doc,
        "site_wide": site_wide,
    }


def test_anonymous_list_shows_only_files_of_live_public_pages_and_site_wide_files(client, files):
    assert listed_ids(client) == {files["public"].pk, files["site_wide"].pk}


@pytest.mark.parametrize("name", ["draft", "restricted"])
def test_file_of_hidden_kit_is_not_findable_by_id(client, files, name):
    assert client.get(f"{DOCUMENTS}{files[name].pk}/").status_code == 404


@pytest.mark.parametrize("name", ["draft", "restricted"])
def test_file_of_hidden_kit_is_not_served(client, files, name):
    assert serve(client, files[name]).status_code == 404


def test_file_of_published_kit_is_listed_found_and_served(client, files):
    document = files["public"]
    assert client.get(f"{DOCUMENTS}{document.pk}/").status_code == 200
    response = serve(client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_publishing_the_draft_kit_makes_its_file_public(client, files):
    files["draft_kit"].save_revision().publish()

    assert files["draft"].pk in listed_ids(client)
    assert serve(client, files["draft"]).status_code == 200


def test_unpublishing_hides_the_file_again(client, files):
    files["public_kit"].unpublish()

    assert files["public"].pk not in listed_ids(client)
    assert client.get(f"{DOCUMENTS}{files['public'].pk}/").status_code == 404
    assert serve(client, files["public"]).status_code == 404


def test_restricting_a_published_kit_hides_its_file(client, files):
    restrict(files["public_kit"])

    assert files["public"].pk not in listed_ids(client)
    assert serve(client, files["public"]).status_code == 404


def test_file_used_by_a_public_kit_and_a_draft_stays_public(client, files, region_site):
    draft = LessonKitPageFactory(parent=region_site.databank, live=False)
    LessonKitDownloadFactory(page=draft, document=files["public"])

    assert files["public"].pk in listed_ids(client)
    assert serve(client, files["public"]).status_code == 200


def test_search_does_not_find_hidden_files(client, files):
    files["draft"].title = files["public"].title = "Zonnepaneel werkblad"
    files["draft"].save()
    files["public"].save()

    response = client.get(DOCUMENTS, {"search": "Zonnepaneel"})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [files["public"].pk]


def test_editor_with_admin_access_sees_and_is_served_draft_files(client, files, django_user_model):
    editor = django_user_model.objects.create_user("redacteur", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert serve(client, files["draft"]).status_code == 200
    assert serve(client, files["restricted"]).status_code == 200


def test_logged_in_visitor_without_admin_access_is_not_served_draft_files(client, files, django_user_model):
    client.force_login(django_user_model.objects.create_user("bezoeker", password="x"))

    assert serve(client, files["draft"]).status_code == 404


def test_document_list_costs_a_fixed_number_of_queries(
    client, files, region_site, django_assert_max_num_queries
):
    for _ in range(5):
        kit_with_file(region_site.databank)
        kit_with_file(region_site.databank, live=False)

    with django_assert_max_num_queries(8):
        response = client.get(DOCUMENTS, {"limit": 100})

    assert len(response.json()["items"]) == 7


def test_image_of_a_draft_page_is_hidden_in_the_api(client, region_site):
    public_image = wagtail_factories.ImageFactory(title="Openbaar")
    draft_image = wagtail_factories.ImageFactory(title="Concept")
    NewsArticlePageFactory(parent=region_site.news, listing_image=public_image)
    NewsArticlePageFactory(parent=region_site.news, listing_image=draft_image, live=False)

    assert listed_ids(client, IMAGES) == {public_image.pk}
    assert client.get(f"{IMAGES}{draft_image.pk}/").status_code == 404
    assert client.get(f"{IMAGES}{public_image.pk}/").status_code == 200


def test_image_list_costs_a_fixed_number_of_queries(client, region_site, django_assert_max_num_queries):
    for n in range(6):
        NewsArticlePageFactory(
            parent=region_site.news, listing_image=wagtail_factories.ImageFactory(), live=n % 2 == 0
        )

    with django_assert_max_num_queries(8):
        response = client.get(IMAGES, {"limit": 100})

    assert len(response.json()["items"]) == 3
