"""The admin dashboard: who may see it, filters, charts and the CSV export."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/admin/funders-dashboard/"


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("beheer", "beheer@regio.nl", "wachtwoord")


def staff(django_user_model, group: str | None):
    user = django_user_model.objects.create_user("medewerker", "m@regio.nl", "wachtwoord")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def test_url_is_registered_in_the_admin():
    assert reverse("dashboard:index") == URL


def test_anonymous_is_sent_to_login_and_plain_editor_is_refused(client, django_user_model):
    assert client.get(URL)["Location"].startswith("/admin/login/")
    client.force_login(staff(django_user_model, "Communicatie"))
    refused = client.get(URL)
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"


def test_project_leader_sees_tables_and_svg_charts(client, django_user_model, dataset):
    client.force_login(staff(django_user_model, "Projectleiders"))

    response = client.get(URL, {"granularity": "school_year"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<rect" in html
    assert "2025-2026" in html
    assert dataset.a.name in html


def test_csv_export_has_the_same_figures(client, admin_user, dataset):
    client.force_login(admin_user)

    response = client.get(URL, {"granularity": "school_year", "region": dataset.a.pk, "format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    body = {(r[0], r[1]): r[2:] for r in rows[1:]}
    # pupils, classes, schools, event registrations, challenge teams, challenge pupils, events
    assert body[(dataset.a.name, "2025-2026")] == ["75", "3", "2", "3", "2", "11", "1"]
    assert body[(dataset.a.name, "2026-2027")] == ["24", "1", "1", "0", "0", "0", "0"]
    assert body[("Totaal", "")][:3] == ["99", "4", "3"]
    assert [dataset.a.name, "tot nu toe", "Downloads van leskisten", "5"] in rows  # all download rows of A


def test_bad_filter_values_are_ignored(client, admin_user, region_site):
    client.force_login(admin_user)

    assert client.get(URL, {"region": "x", "school_year": "abc", "granularity": "nope"}).status_code == 200
