"""Search insight: every databank search logged without personal data, clicks with their position,
reports for the databank editors, this week's zero-result searches on the admin home, retention."""

import csv
import datetime as dt
import io
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.editorial.roles import Role, setup_roles
from search_insight import services as insight
from search_insight.models import SearchClick, SearchLog
from tests.editorial.factories import user_in_role
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def relative(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def api_search(client, **params):
    response = client.get("/api/v3/databank/search", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_search_is_logged_without_personal_data(client, databank, django_user_model):
    user = django_user_model.objects.create_user("juf", password="x")
    client.force_login(user)
    client.get(
        "/databank/zoeken/",
        {"q": "  Bruggen   BOUWEN ", "target_group": "po-groep-5-6"},
        REMOTE_ADDR="203.0.113.9",
    )
    log = SearchLog.objects.get()
    assert log.query == "bruggen bouwen"
    assert log.filters == {"target_group": ["po-groep-5-6"]}
    assert log.hits >= 1
    assert log.backend == "database"
    assert log.day == timezone.localdate()
    assert log.site == databank.site.site
    assert log.region == databank.site.region
    stored = {f.name for f in SearchLog._meta.get_fields()} | {f.name for f in SearchClick._meta.get_fields()}
    assert not stored & {
        "ip",
        "ip_address",
        "user",
        "session",
        "session_key",
        "cookie",
        "user_agent",
        "created_at",
    }
    assert "203.0.113.9" not in str(SearchLog.objects.values().get())
    assert "sessionid" not in client.cookies or client.cookies["sessionid"].value  # logging sets no cookie
    response = client.get("/api/v3/databank/search", {"q": "brug"})
    assert not response.cookies


def test_opening_a_result_counts_a_click_at_its_position(client, databank):
    hits = api_search(client, q="bouwen", sort="title")["results"]
    assert len(hits) >= 2
    second = hits[1]
    query = parse_qs(urlsplit(second["url"]).query)
    assert query["pos"] == ["2"]
    response = client.get(relative(second["url"]))
    assert response.status_code == 200
    click = SearchClick.objects.get()
    assert (click.position, click.kind, click.kit_id) == (2, "open", second["id"])
    assert click.log == SearchLog.objects.get()


def test_a_forged_or_missing_search_reference_counts_nothing(client, databank):
    kit = databank.kits["brug"]
    api_search(client, q="brug")
    log = SearchLog.objects.get()
    assert client.get(kit.url, {"zoek": f"{log.pk}:forged", "pos": "1"}).status_code == 200
    assert client.get(kit.url, {"zoek": insight._SIGNER.sign(str(log.pk)), "pos": "nul"}).status_code == 200
    assert client.get(kit.url).status_code == 200
    assert not SearchClick.objects.exists()


def test_downloads_from_a_kit_opened_from_a_search_count_with_the_position(client, databank):
    hit = next(
        h for h in api_search(client, q="bruggen papier")["results"] if h["id"] == databank.kits["brug"].pk
    )
    page = client.get(relative(hit["url"])).content.decode()
    token = parse_qs(urlsplit(hit["url"]).query)["zoek"][0]
    zip_url = f"/databank/kit/{hit['id']}/zip/"
    assert f'href="{zip_url}?zoek={token.replace(":", "%3A")}&amp;pos=' in page
    response = client.get(zip_url, {"zoek": token, "pos": "1"})
    assert response.status_code == 200
    b"".join(response.streaming_content)
    file_download = databank.kits["brug"].downloads.first()
    client.get(f"/databank/download/{file_download.pk}/", {"zoek": token, "pos": "1"})
    assert sorted(SearchClick.objects.values_list("kind", "kit_id", "position")) == [
        ("download", hit["id"], 1),
        ("download", hit["id"], 1),
        ("open", hit["id"], 1),
    ]


def add_log(query, hits, *, days_ago=0, region=None, clicks=(), page=1):
    log = SearchLog.objects.create(
        query=query,
        hits=hits,
        backend="database",
        page=page,
        region=region,
        day=timezone.localdate() - dt.timedelta(days=days_ago),
    )
    for position in clicks:
        SearchClick.objects.create(log=log, position=position, kind="open")
    return log


@pytest.fixture
def roles(region_site):
    setup_roles()


@pytest.fixture
def editor(roles):
    return user_in_role(Role.DATABANK)


@pytest.fixture
def logs(region_site):
    other = RegionFactory()
    add_log("zonnepaneel", 0)
    add_log("zonnepaneel", 0)
    add_log("zonnepaneel", 0, region=region_site.region)
    add_log("=HYPERLINK(1)", 0)
    add_log("brug", 4, clicks=[1, 3])
    add_log("brug", 4)
    add_log("brug", 4, page=2)  # paging on is not a new search
    add_log("magneet", 2)
    add_log("magneet", 2)
    add_log("zeppelin", 0, days_ago=60, region=other)
    return {"region": region_site.region, "other": other}


def test_zero_result_report_lists_what_to_make_filtered_by_period_and_region(client, editor, logs):
    client.force_login(editor)
    html = client.get("/admin/zoekinzicht/zonder-resultaat/").content.decode()
    assert "zonnepaneel" in html and "zeppelin" in html and "brug" not in html
    week_ago = (timezone.localdate() - dt.timedelta(days=7)).isoformat()
    html = client.get("/admin/zoekinzicht/zonder-resultaat/", {"day_after": week_ago}).content.decode()
    assert "zonnepaneel" in html and "zeppelin" not in html
    html = client.get("/admin/zoekinzicht/zonder-resultaat/", {"region": logs["other"].pk}).content.decode()
    assert "zeppelin" in html and "zonnepaneel" not in html


def test_top_unopened_and_click_position_reports(client, editor, logs):
    client.force_login(editor)
    top = list(insight.top_queries(SearchLog.objects.all()))
    assert [(r["query"], r["searches"], r["searches_opened"]) for r in top[:2]] == [
        ("zonnepaneel", 3, 0),
        ("brug", 2, 1),
    ]
    unopened = [r["query"] for r in insight.unopened_queries(SearchLog.objects.all())]
    assert unopened == ["magneet"]
    positions = list(insight.click_positions(SearchClick.objects.all()))
    assert [(r["position"], r["opened"]) for r in positions] == [(1, 1), (3, 1)]
    for url in ("top/", "niet-geopend/", "klikpositie/"):
        response = client.get(f"/admin/zoekinzicht/{url}")
        assert response.status_code == 200, url
    assert "magneet" in client.get("/admin/zoekinzicht/niet-geopend/").content.decode()


def test_csv_export_neutralises_formulas_and_xlsx_exports(client, editor, logs):
    client.force_login(editor)
    response = client.get("/admin/zoekinzicht/zonder-resultaat/", {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert table[0] == ["Zoekvraag", "Zoekopdrachten", "Laatst gezocht"]
    assert table[[r[0] for r in table].index("'=HYPERLINK(1)")][:2] == ["'=HYPERLINK(1)", "1"]
    response = client.get("/admin/zoekinzicht/top/", {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [c.value for c in sheet[1]][:2] == ["Zoekvraag", "Zoekopdrachten"]


def test_reports_are_for_databank_editors_and_beheer_only(client, roles, logs):
    for role, status in ((Role.DATABANK, 200), (Role.BEHEER, 200), (Role.COMMUNICATIE, 302)):
        region = logs["region"] if role == Role.COMMUNICATIE else None
        client.force_login(user_in_role(role, region))
        assert client.get("/admin/zoekinzicht/top/").status_code == status, role


def test_admin_home_shows_this_weeks_zero_result_searches(client, editor, logs):
    add_log("lang geleden", 0, days_ago=8)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Zoekopdrachten zonder resultaat deze week" in html
    assert "zonnepaneel" in html
    assert "lang geleden" not in html
    client.force_login(user_in_role(Role.COMMUNICATIE, logs["region"]))
    assert "zonnepaneel" not in client.get("/admin/").content.decode()


def test_purge_keeps_thirteen_months_by_default(region_site):
    today = timezone.localdate()
    keep = add_log("recent", 1, days_ago=30)
    add_log("oud", 1, days_ago=400, clicks=[1])
    call_command("purge_search_log", stdout=io.StringIO())
    assert list(SearchLog.objects.all()) == [keep]
    assert not SearchClick.objects.exists()
    assert insight.months_before(dt.date(2026, 3, 31), 13) == dt.date(2025, 2, 28)
    assert insight.months_before(today, 13) < today
