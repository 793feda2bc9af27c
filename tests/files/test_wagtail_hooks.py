"""Editors find in the admin choosers only the files they may download: contributed material (a private
collection) only for the roles that review contributions."""

import pytest
import wagtail_factories
from wagtail.models import Collection

from cms.editorial.roles import Role, contributions_collection, setup_roles
from tests.editorial.factories import user_in_role
from tests.search.factories import PdfDocumentFactory

pytestmark = pytest.mark.django_db

DOCUMENT_CHOOSER = "/admin/documents/chooser/"
IMAGE_CHOOSER = "/admin/images/chooser/results/"


@pytest.fixture
def documents(region_site):
    setup_roles()
    return {
        "contribution": PdfDocumentFactory(
            title="Bijdrage zonnepaneel", collection=contributions_collection()
        ),
        "public": PdfDocumentFactory(title="Werkblad bruggen"),
    }


def chooser_html(client, url, user, **params) -> str:
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == 200
    return response.json()["html"] if response["Content-Type"] == "application/json" else response.text


@pytest.mark.parametrize("role", [Role.COMMUNICATIE, Role.PROJECTLEIDERS])
def test_editor_outside_review_does_not_see_contributed_files_in_the_chooser(
    client, documents, region_site, role
):
    html = chooser_html(client, DOCUMENT_CHOOSER, user_in_role(role, region_site.region))

    assert "Werkblad bruggen" in html
    assert "Bijdrage zonnepaneel" not in html


def test_contributed_files_are_not_found_by_chooser_search_either(client, documents, region_site):
    user = user_in_role(Role.COMMUNICATIE, region_site.region)

    html = chooser_html(client, f"{DOCUMENT_CHOOSER}results/", user, q="Bijdrage")

    assert "Bijdrage zonnepaneel" not in html


@pytest.mark.parametrize("role", [Role.DATABANK, Role.BEHEER])
def test_reviewers_see_contributed_files_in_the_chooser(client, documents, role):
    html = chooser_html(client, DOCUMENT_CHOOSER, user_in_role(role))

    assert "Bijdrage zonnepaneel" in html
    assert "Werkblad bruggen" in html


def test_images_in_a_private_collection_are_hidden_from_other_editors_choosers(
    client, documents, region_site
):
    wagtail_factories.ImageFactory(title="Foto van een bijdrage", collection=contributions_collection())
    wagtail_factories.ImageFactory(title="Foto techniekhuis", collection=Collection.get_first_root_node())

    html = chooser_html(client, IMAGE_CHOOSER, user_in_role(Role.COMMUNICATIE, region_site.region))

    assert "Foto techniekhuis" in html
    assert "Foto van een bijdrage" not in html
