"""Subscribers in the admin are personal data: each region's staff see only their own region's.

A Communicatie user of region A must not list, export, open, edit, delete, look up the history
of, or choose a subscriber of region B (nor one without a region); Beheer and superusers see all.
"""

import io

import openpyxl
import pytest
from django.urls import reverse

from cms.editorial.roles import Role, setup_roles
from cms.newsletters.models import Subscriber
from tests.editorial.factories import user_in_role
from tests.factories import RegionSite
from tests.newsletters.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


class Regions:
    def __init__(self, a: RegionSite, b: RegionSite):
        self.a, self.b = a, b
        setup_roles()
        self.mine = SubscriberFactory(email="juf@techtown.nl", region=a.region)
        self.theirs = SubscriberFactory(email="meester@stogoal.nl", region=b.region)
        self.nobodys = SubscriberFactory(email="ouder@elders.nl", region=None)


@pytest.fixture
def regions(region_site) -> Regions:
    return Regions(region_site, RegionSite(hostname="regio-b.example.org", is_default=False))


@pytest.fixture
def communicatie_a(client, regions):
    user = user_in_role(Role.COMMUNICATIE, regions.a.region)
    client.force_login(user)
    return user


def url(view: str, subscriber=None) -> str:
    name = f"wagtailsnippets_newsletters_subscriber:{view}"
    return reverse(name, args=[subscriber.pk]) if subscriber else reverse(name)


def test_the_list_and_its_search_show_only_the_users_region(client, communicatie_a, regions):
    listing = client.get(url("list")).content.decode()
    searched = client.get(url("list") + "?q=nl").content.decode()

    for html in (listing, searched):
        assert "juf@techtown.nl" in html
        assert "meester@stogoal.nl" not in html
        assert "ouder@elders.nl" not in html


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_export_holds_only_the_users_region(client, communicatie_a, regions, export):
    response = client.get(url("list") + f"?export={export}")

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        text = content.decode("utf-8-sig")
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        text = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    assert "juf@techtown.nl" in text
    assert "meester@stogoal.nl" not in text
    assert "ouder@elders.nl" not in text


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_another_regions_subscriber_cannot_be_opened(client, communicatie_a, regions, view):
    assert client.get(url(view, regions.theirs)).status_code == 404
    assert client.get(url(view, regions.nobodys)).status_code == 404


def test_another_regions_subscriber_cannot_be_changed(client, communicatie_a, regions):
    response = client.post(
        url("edit", regions.theirs),
        {"email": "gekaapt@example.org", "name": "x", "region": regions.a.region.pk},
    )

    assert response.status_code == 404
    assert Subscriber.objects.get(pk=regions.theirs.pk).email == "meester@stogoal.nl"


def test_own_regions_subscriber_opens_and_cannot_be_moved_to_another_region(client, communicatie_a, regions):
    edit = client.get(url("edit", regions.mine))
    assert edit.status_code == 200
    assert client.get(url("history", regions.mine)).status_code == 200
    region_field = edit.context["form"].fields["region"]
    assert list(region_field.queryset) == [regions.a.region]

    moved = client.post(
        url("edit", regions.mine), {"email": "juf@techtown.nl", "name": "Juf", "region": regions.b.region.pk}
    )

    assert moved.status_code == 200, "the form is shown again with an error"
    assert Subscriber.objects.get(pk=regions.mine.pk).region == regions.a.region


def test_the_chooser_offers_only_the_users_region(client, communicatie_a, regions):
    chooser = reverse("wagtailsnippetchoosers_newsletters_subscriber:choose")
    chosen = reverse("wagtailsnippetchoosers_newsletters_subscriber:chosen", args=[regions.theirs.pk])

    html = client.get(chooser).content.decode()

    assert "juf@techtown.nl" in html
    assert "meester@stogoal.nl" not in html
    assert client.get(chosen).status_code == 404


def test_the_import_offers_only_the_users_region(client, communicatie_a, regions):
    response = client.get(reverse("newsletters_import_subscribers"))

    assert list(response.context["form"].fields["region"].queryset) == [regions.a.region]


@pytest.mark.parametrize("who", ["beheer", "superuser"])
def test_beheer_and_superusers_see_every_region(client, regions, django_user_model, who):
    if who == "beheer":
        user = user_in_role(Role.BEHEER)
    else:
        user = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(user)

    html = client.get(url("list")).content.decode()

    for email in ("juf@techtown.nl", "meester@stogoal.nl", "ouder@elders.nl"):
        assert email in html
    assert client.get(url("edit", regions.theirs)).status_code == 200


def test_the_bulk_delete_page_does_not_name_another_regions_subscriber(client, communicatie_a, regions):
    response = client.get(
        f"/admin/bulk/newsletters/subscriber/delete/?id={regions.theirs.pk}&id={regions.mine.pk}"
    )

    assert "meester@stogoal.nl" not in response.content.decode()
    assert Subscriber.objects.filter(pk=regions.theirs.pk).exists()
