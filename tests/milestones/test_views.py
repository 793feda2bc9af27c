"""The admin pages: progress per region (scoped to the regions a user covers), import and export."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission

from cms.milestones.models import Milestone
from cms.snippets.regions import regional_group_name
from tests.factories import RegionSite

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db

URL = "/admin/milestones/"
PLAN = "Nr.;Beschrijving mijlpaal;Behaald;Indicator;Doel\n1.1.2;70 klassen;Q4 2026;classes_reached;70\n1.1.1;Kadernotitie vastgesteld;Q2 2025;;\n"


def project_leader(django_user_model, region, *, can_import=True):
    user = django_user_model.objects.create_user("pl", "pl@regio.nl", "wachtwoord")
    codenames = ["access_admin", "view_milestone"] + (
        ["add_milestone", "change_milestone"] if can_import else []
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(Group.objects.get_or_create(name=regional_group_name("Projectleiders", region))[0])
    return user


@pytest.fixture
def two_regions(region_site):
    other = RegionSite(hostname="regio-b.example", is_default=False)
    MilestoneFactory(region=region_site.region, code="1.1", text="Eigen mijlpaal")
    MilestoneFactory(region=other.region, code="9.9", text="Mijlpaal van een andere regio")
    return region_site.region, other.region


def test_project_leader_sees_only_the_milestones_of_their_region(client, django_user_model, two_regions):
    own, other = two_regions
    client.force_login(project_leader(django_user_model, own))

    html = client.get(URL).content.decode()
    assert "Eigen mijlpaal" in html and "andere regio" not in html
    # Asking for another region's page shows their own region instead.
    assert "andere regio" not in client.get(URL, {"region": other.pk}).content.decode()
    listing = client.get("/admin/snippets/milestones/milestone/").content.decode()
    assert "Eigen mijlpaal" in listing and "andere regio" not in listing
    foreign = Milestone.objects.get(region=other)
    assert client.get(f"/admin/snippets/milestones/milestone/edit/{foreign.pk}/").status_code == 404


def test_user_without_milestone_permission_is_refused(client, django_user_model, two_regions):
    user = django_user_model.objects.create_user("c", "c@regio.nl", "wachtwoord")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code == 302


def test_import_preview_then_confirm(client, django_user_model, region_site):
    region = region_site.region
    client.force_login(project_leader(django_user_model, region))
    upload = io.BytesIO(PLAN.encode())
    upload.name = "plan.csv"

    preview = client.post(URL + "import/", {"region": region.pk, "start_date": "2025-01-01", "file": upload})

    assert preview.status_code == 200
    assert "import/confirm/" in preview.content.decode()  # the confirm button's form
    assert not Milestone.objects.exists()
    done = client.post(URL + "import/confirm/")
    assert done.status_code == 302
    assert Milestone.objects.filter(region=region).count() == 2


def test_import_with_errors_shows_row_numbers_and_saves_nothing(client, django_user_model, region_site):
    region = region_site.region
    client.force_login(project_leader(django_user_model, region))
    upload = io.BytesIO(b"Nr.;Beschrijving mijlpaal;Behaald\n1.1;Goed;Q1 2026\n1.2;Fout;ooit\n")
    upload.name = "plan.csv"

    html = client.post(
        URL + "import/", {"region": region.pk, "start_date": "2025-01-01", "file": upload}
    ).content.decode()

    assert "import/confirm/" not in html
    assert "ooit" in html and ("Row 3" in html or "Rij 3" in html)
    assert client.post(URL + "import/confirm/").status_code == 302
    assert not Milestone.objects.exists()


def test_viewer_cannot_import(client, django_user_model, region_site):
    client.force_login(project_leader(django_user_model, region_site.region, can_import=False))
    assert client.get(URL + "import/").status_code == 302


def test_export_has_the_plan_columns_and_the_figures(client, django_user_model, two_regions):
    own, _other = two_regions
    client.force_login(project_leader(django_user_model, own))

    response = client.get(URL, {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][:3] == ["1.1", "Eigen mijlpaal", "Q4 2026"]
    assert rows[1][6:8] == ["10", "0"]
    assert len(rows) == 2

    book = openpyxl.load_workbook(io.BytesIO(client.get(URL, {"format": "xlsx"}).content))
    assert [c.value for c in book.active[2]][:3] == ["1.1", "Eigen mijlpaal", "Q4 2026"]
