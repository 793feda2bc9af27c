"""Through the real admin: a project leader imports the plan's milestones, sees the progress and
downloads the report as PDF; the pages have no WCAG A/AA violations (axe-core); a school opens its
coverage page by its link."""

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe

from cms.editorial.roles import Role
from cms.editorial.workflows import setup_workflows
from cms.milestones.tokens import make_coverage_token
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.editorial.factories import user_in_role
from tests.factories import RegionSite, SchoolFactory, TechniekhuisPageFactory, TechWorldFactory

PASSWORD = "geheim-wachtwoord"
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PLAN = (
    "Mijlpalen;;;;\n"
    "Nr.;Beschrijving mijlpaal;Behaald;Indicator;Doel\n"
    "1.1.1;De kadernotitie is vastgesteld;Q2 2025;;\n"
    "1.1.2;70 klassen hebben workshop gevolgd bij Techmission010;Q4 2026;classes_reached;70\n"
    "1.2;16.000 leerlingen hebben techniekllessen gevolgd op het vmbo;Q4 2026;pupils_reached;16.000\n"
)


def violations(axe, page, context=None) -> list[str]:
    results = axe.run(page, context=context, options=WCAG_AA).response
    return [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in results["violations"]]


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_project_leader_imports_milestones_sees_progress_and_downloads_the_report(
    live_server, page, tmp_path
):
    from wagtail.models import Page, Site

    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    region = RegionSite()
    setup_workflows()
    user_in_role(Role.PROJECTLEIDERS, region.region, username="projectleider")
    offering = LessonOfferingFactory(techniekhuis=TechniekhuisPageFactory(parent=region.techniekhuizen))
    world = TechWorldFactory(name="Bouwen en wonen")
    offering.tech_worlds.set([world])
    school = SchoolFactory(region=region.region, name="Basisschool De Akker")
    for day in (dt.date(2025, 3, 4), dt.date(2025, 10, 7)):
        BookingFactory(
            slot=TimeSlotFactory(offering=offering, date=day, capacity_classes=2),
            school=school,
            status="completed",
        )
    plan = tmp_path / "mijlpalen.csv"
    plan.write_text(PLAN, encoding="utf-8")
    base = live_server.url
    axe = Axe()

    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "projectleider")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/milestones/import/")
    page.select_option("#id_region", str(region.region.pk))
    page.set_input_files("#id_file", str(plan))
    page.fill("#id_start_date", "2025-01-01")
    page.locator(".milestones button[type=submit]").click()
    page.wait_for_selector("text=De kadernotitie is vastgesteld")
    assert violations(axe, page, ".milestones") == []
    page.locator("form[action$='/import/confirm/'] button").click()
    page.wait_for_url(f"{base}/admin/milestones/?region={region.region.pk}")

    table = page.locator(".milestones-table").first.inner_text()
    assert "70 klassen hebben workshop gevolgd" in table
    assert "16.000 leerlingen" in table
    assert "te laat" in table  # 1.1.1 was due in Q2 2025 and is not marked achieved
    assert page.locator("canvas[data-chart='progress']").count() == 1
    assert violations(axe, page, ".milestones") == []

    page.goto(f"{base}/admin/milestones/report/?region={region.region.pk}")
    with page.expect_download() as download:
        page.locator("button[value=pdf]").click()
    with open(download.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"

    page.context.clear_cookies()
    page.goto(f"{base}/dekking/{make_coverage_token(school.pk)}/")
    assert "Bouwen en wonen" in page.locator("main").inner_text()
    assert violations(axe, page) == []
