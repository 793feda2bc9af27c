"""``manage.py seed_demo``: idempotent, complete and realistic demo content."""

import re
from collections import Counter
from datetime import datetime
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from cms.demo import seed
from cms.demo.datafiles import load
from cms.loans.models import LendableItem, PickupPoint, Reservation
from cms.milestones.models import Milestone
from cms.pages.models import (
    DatabankPage,
    EventPage,
    HomePage,
    LessonKitDownload,
    LessonKitPage,
    NewsArticlePage,
    TechniekhuisPage,
)
from cms.pages.services import site_root_url
from cms.professionalisation.models import Certificate, RecordConsent
from cms.professionalisation.tokens import make_school_token
from cms.snippets.models import CoreGoal, Partner, Region, School, TargetGroup, TechWorld, Theme
from cms.snippets.validators import BRIN_RE, POSTCODE_RE
from search.services import database_backend

# The module seeds once (module fixture): keep its tests on one pytest-xdist worker.
pytestmark = pytest.mark.xdist_group("seed_demo")

ACCOUNTS = ("beheer", "redacteur", "eindredacteur", "databankredacteur", "coordinator")


def run_seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once per module inside a transaction that is rolled back afterwards, files included."""
    with django_db_blocker.unblock(), transaction.atomic():
        documents, images = get_document_model(), get_image_model()
        known_documents = set(documents.objects.values_list("pk", flat=True))
        known_images = set(images.objects.values_list("pk", flat=True))
        output = run_seed()
        yield output
        for document in documents.objects.exclude(pk__in=known_documents):
            document.file.delete(save=False)
        for image in images.objects.exclude(pk__in=known_images):
            for rendition in image.renditions.all():
                rendition.file.delete(save=False)
            image.file.delete(save=False)
        transaction.set_rollback(True)


def content_counts() -> dict[str, int]:
    models = [
        Page,
        Revision,
        Site,
        get_document_model(),
        get_image_model(),
        Tag,
        LessonKitDownload,
        Theme,
        TechWorld,
        TargetGroup,
        CoreGoal,
        Region,
        School,
        Partner,
        get_user_model(),
    ]
    return {model.__name__: model.objects.count() for model in models}


def pdf_text(document) -> str:
    with document.open_file() as handle:
        reader = PdfReader(handle)
        text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())


@pytest.mark.django_db
def test_running_twice_changes_nothing(seeded):
    before = content_counts()
    output = run_seed()
    assert content_counts() == before
    assert "0 created, 0 updated" in output
    # No sibling pages share a slug.
    siblings = Counter((page.path[: -Page.steplen], page.slug) for page in Page.objects.all())
    assert [key for key, count in siblings.items() if count > 1] == []


@pytest.mark.django_db
def test_databank_search_finds_every_kit_right_after_seeding_without_a_worker(seeded, settings, client):
    # As in development: tasks wait in the database for a worker that is not running yet.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    kit_ids = list(LessonKitPage.objects.live().values_list("pk", flat=True))
    database_backend().delete(kit_ids)  # an index out of step with the pages, e.g. a worker that never ran

    run_seed()

    html = client.get("/databank/zoeken/").content.decode()
    assert f"{len(kit_ids)} leskisten</h2>" in html
    assert "kompasnaald" in client.get("/databank/zoeken/", {"q": "kompasnaald"}).content.decode()
    # Nothing is left for a worker to index later.
    assert not DBTaskResult.objects.filter(task_path__startswith="search.").exists()


@pytest.mark.django_db
def test_every_page_is_published_through_a_revision(seeded):
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() > 60
    assert not pages.filter(live=False).exists()
    assert not pages.filter(live_revision__isnull=True).exists()
    assert not pages.filter(has_unpublished_changes=True).exists()


@pytest.mark.django_db
def test_lesson_kits_cover_every_target_group_and_world(seeded):
    kits = LessonKitPage.objects.live()
    assert kits.count() >= 30
    assert DatabankPage.objects.count() == 1
    assert kits.child_of(DatabankPage.objects.get()).count() == kits.count()
    for group in TargetGroup.objects.all():
        assert kits.filter(target_groups=group).exists(), f"no kit for {group}"
    for world in TechWorld.objects.all():
        assert kits.filter(tech_worlds=world).exists(), f"no kit for {world}"
    assert TechWorld.objects.count() == 7
    assert set(CoreGoal.objects.values_list("number", flat=True)) == set(range(40, 47))
    durations = list(kits.values_list("duration_minutes", flat=True))
    assert any(d < 30 for d in durations) and any(30 <= d <= 60 for d in durations)
    assert any(60 < d <= 120 for d in durations) and any(d > 120 for d in durations)
    for kit in kits:
        assert 3 <= len(kit.steps) <= 6, kit.slug
        assert kit.summary and kit.learning_goals and kit.materials, kit.slug
        assert kit.tags.exists(), kit.slug
        assert kit.core_goals.exists() and kit.themes.exists(), kit.slug
    assert any(item.value["consumable"] for kit in kits for item in kit.materials)
    assert set(kits.values_list("licence", flat=True)) > {"cc-by-sa-4.0"}


@pytest.mark.django_db
def test_every_kit_in_the_data_file_is_a_live_page_with_its_texts(seeded):
    kits = {kit.slug: kit for kit in LessonKitPage.objects.live()}
    data = load("kits")["kits"]
    assert set(kits) == {item["slug"] for item in data}
    for item in data:
        page = kits[item["slug"]]
        assert (page.title, page.summary, page.duration_minutes) == (
            item["title"],
            item["summary"],
            item["duration"],
        )
        assert [step.value["title"] for step in page.steps] == [step["title"] for step in item["steps"]]
        assert set(page.tags.names()) == set(item["tags"])


@pytest.mark.django_db
def test_every_kit_has_readable_pdfs_about_the_kit(seeded):
    for kit in LessonKitPage.objects.live().prefetch_related("downloads__document"):
        downloads = list(kit.downloads.all())
        kinds = {download.kind for download in downloads}
        assert {"lesson_plan", "teacher_manual", "worksheet"} <= kinds, kit.slug
        for download in downloads:
            assert download.document.file_extension == "pdf"
            text = pdf_text(download.document)
            assert kit.title in text, (kit.slug, download.kind)
        plan = next(d for d in downloads if d.kind == "lesson_plan")
        assert kit.steps[0].value["title"] in pdf_text(plan.document)


@pytest.mark.django_db
def test_worksheet_text_is_searchable_by_distinctive_words(seeded):
    kit = LessonKitPage.objects.get(slug="magneten-onderzoeken")
    worksheet = kit.downloads.get(kind="worksheet")
    assert "kompasnaald" in pdf_text(worksheet.document)
    manual = kit.downloads.get(kind="teacher_manual")
    assert "docent" in pdf_text(manual.document).lower()


@pytest.mark.django_db
def test_regions_have_sites_with_home_page_roots(seeded):
    regions = {region.slug: region for region in Region.objects.select_related("site")}
    assert set(regions) == {"techtown", "sto-goal"}
    for region in regions.values():
        home = region.site.root_page.specific
        assert isinstance(home, HomePage)
        assert home.region_id == region.pk
        assert {"Nieuws", "Agenda"} <= set(home.get_children().values_list("title", flat=True))
    assert regions["techtown"].site.is_default_site
    assert regions["sto-goal"].site.hostname == "goal.localhost"
    assert DatabankPage.objects.get().get_parent().specific.region_id == regions["techtown"].pk
    # Wagtail's default welcome page is gone; only home pages sit directly under the root.
    assert {type(page.specific) for page in Page.objects.filter(depth=2)} == {HomePage}
    for region in regions.values():
        assert TechniekhuisPage.objects.filter(region=region).exists()
        assert NewsArticlePage.objects.descendant_of(region.site.root_page).count() >= 8


@pytest.mark.django_db
def test_reference_data_is_valid(seeded):
    for school in School.objects.all():
        assert BRIN_RE.match(school.brin_code), school.brin_code
        assert POSTCODE_RE.match(school.postcode), school.postcode
    assert School.objects.count() >= 10
    assert Partner.objects.count() >= 8
    assert not Partner.objects.filter(latitude__isnull=True).exists()
    for house in TechniekhuisPage.objects.all():
        assert re.fullmatch(r"\d{4} [A-Z]{2}", house.postcode)
        assert house.photos.exists() and house.lesson_kits.exists()
    assert TechniekhuisPage.objects.filter(kind="mobile").count() >= 3


@pytest.mark.django_db
def test_events_are_mostly_upcoming(seeded):
    today = datetime(2026, 11, 23, tzinfo=ZoneInfo("Europe/Amsterdam"))
    events = EventPage.objects.live()
    past, upcoming = events.filter(end__lt=today).count(), events.filter(start__gte=today).count()
    assert past >= 1 and upcoming > past


@pytest.mark.django_db
def test_no_accounts_when_disabled(seeded, settings):
    settings.DEMO_ACCOUNTS_ENABLED = False
    assert "skipped" in seeded
    assert not get_user_model().objects.filter(username__in=ACCOUNTS).exists()


@pytest.mark.django_db
def test_accounts_when_enabled(seeded, settings):
    settings.DEMO_ACCOUNTS_ENABLED = True
    output = run_seed()
    users = {user.username: user for user in get_user_model().objects.filter(username__in=ACCOUNTS)}
    assert set(users) == set(ACCOUNTS)
    assert users["beheer"].is_superuser
    groups = {name: set(user.groups.values_list("name", flat=True)) for name, user in users.items()}
    assert {"Communicatie", "Communicatie – TechTown Rotterdam"} <= groups["redacteur"]
    assert "Eindredactie" in groups["eindredacteur"]
    assert groups["databankredacteur"] == {"Databank-redactie"}
    assert not {"Editors", "Moderators"} & set().union(*groups.values())
    assert "Techniekhuis-coördinatoren" in groups["coordinator"]
    for username in ACCOUNTS:
        assert username in output
    # Idempotent: a second run neither duplicates nor fails.
    run_seed()
    assert get_user_model().objects.filter(username__in=ACCOUNTS).count() == len(ACCOUNTS)


@pytest.mark.django_db
def test_no_accounts_flag_wins_over_setting(seeded, settings):
    settings.DEMO_ACCOUNTS_ENABLED = True
    output = run_seed("--no-accounts")
    assert "skipped" in output
    assert not get_user_model().objects.filter(username__in=ACCOUNTS).exists()


@pytest.mark.django_db
def test_every_demo_page_renders(seeded, client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        site_id, root_url, path = page.get_url_parts()
        host = Site.objects.get(pk=site_id).hostname
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (host, path)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("endpoint", "model"),
    [
        ("lessonkits", LessonKitPage),
        ("news", NewsArticlePage),
        ("techniekhuizen", TechniekhuisPage),
        ("events", EventPage),
    ],
)
def test_api_lists_all_demo_pages_of_each_type(seeded, client, endpoint, model):
    data = client.get(f"/api/v3/{endpoint}/", {"limit": 100}).json()
    assert data["count"] == model.objects.live().count()
    detail = client.get(f"/api/v3/{endpoint}/{data['items'][0]['id']}/")
    assert detail.status_code == 200


@pytest.mark.django_db
def test_demo_has_bookable_lessons_mailing_lists_a_newsletter_and_partner_offers(seeded, client):
    from cms.bookings.queries import open_slots
    from cms.newsletters.models import NewsletterPage, Segment
    from cms.partners.models import PartnerOffer

    slots = open_slots()
    assert slots.count() >= 20
    assert {slot.offering.techniekhuis.kind for slot in slots} == {"building", "mobile"}
    assert client.get(f"/boeken/tijdslot/{slots.first().pk}/").status_code == 200
    assert Segment.objects.filter(is_public=True).count() >= 4
    newsletter = NewsletterPage.objects.live().first()
    response = client.get(newsletter.url)
    assert response.status_code == 200
    assert "Nieuw in de databank" in response.content.decode()
    assert PartnerOffer.objects.filter(active=True).count() >= 5


@pytest.mark.django_db
def test_the_demo_coordinator_finds_booking_requests_on_the_dashboard(seeded, settings, client):
    settings.DEMO_ACCOUNTS_ENABLED = True
    run_seed()
    client.force_login(get_user_model().objects.get(username="coordinator"))

    html = client.get("/admin/").content.decode()

    assert "2 boekingsaanvragen te bevestigen" in html
    assert "OBS De Globetrotter" in html


@pytest.mark.django_db
def test_demo_lends_kits_at_two_pickup_points_with_loans_in_several_states(seeded, client):
    kits = LendableItem.objects.filter(lesson_kit__isnull=False)
    assert kits.count() >= 2
    assert PickupPoint.objects.filter(copies__isnull=False).distinct().count() == 2
    assert len(set(Reservation.objects.values_list("status", flat=True))) >= 5
    page = client.get(kits.first().lesson_kit.url)
    assert 'id="loan-heading"' in page.content.decode()


TECHTOWN = {"hostname": "localhost", "port": 8000, "is_default_site": True}
GOAL = {"hostname": "goal.localhost", "port": 8000, "is_default_site": False}


@pytest.mark.parametrize(
    ("host", "techtown", "goal"),
    [
        (None, ("localhost", 8000), ("goal.localhost", 8000)),
        ("127.0.0.1:8000", ("localhost", 8000), ("goal.localhost", 8000)),
        ("0.0.0.0:9000", ("localhost", 9000), ("goal.localhost", 9000)),
        ("8080", ("localhost", 8080), ("goal.localhost", 8080)),
        ("[::1]:8001", ("localhost", 8001), ("goal.localhost", 8001)),
        ("demo.example.nl:9000", ("demo.example.nl", 9000), ("goal.demo.example.nl", 9000)),
        ("192.168.1.20:8000", ("192.168.1.20", 8000), ("goal.localhost", 8000)),
    ],
)
def test_demo_sites_follow_the_address_make_run_serves_at(host, techtown, goal):
    assert seed.site_address(TECHTOWN, host) == techtown
    assert seed.site_address(GOAL, host) == goal


@pytest.mark.django_db
def test_with_another_host_the_same_sites_move_and_links_in_mail_and_feeds_follow(seeded, client):
    regions = {region.slug: region for region in Region.objects.select_related("site")}
    homes = {slug: region.site.root_page.specific for slug, region in regions.items()}
    site_ids = set(Site.objects.values_list("pk", flat=True))

    seed.seed_sites(regions, homes, "demo.example.nl:9000")

    assert set(Site.objects.values_list("pk", flat=True)) == site_ids, "moved, not duplicated"
    goal = Site.objects.get(pk=regions["sto-goal"].site_id)
    assert goal.root_url == "http://goal.demo.example.nl:9000"
    techniekhuis = TechniekhuisPage.objects.live().descendant_of(goal.root_page).first()
    assert site_root_url(techniekhuis) == "http://goal.demo.example.nl:9000"

    feed = client.get("/feeds/nieuws/rss/", headers={"host": "goal.demo.example.nl:9000"}).content.decode()
    links = re.findall(r"<link>([^<]+)</link>", feed)
    assert links and all(link.startswith("http://goal.demo.example.nl:9000/") for link in links)
    calendar = client.get(f"/evenementen/agenda/{regions['sto-goal'].slug}.ics").content.decode()
    urls = re.findall(r"^URL:(\S+)", calendar.replace("\r\n ", ""), flags=re.M)
    assert urls and all(url.startswith("http://goal.demo.example.nl:9000/") for url in urls)


@pytest.mark.django_db
def test_techtown_plan_milestones_are_seeded_once(seeded):
    techtown = Region.objects.get(slug="techtown")
    expected = load("milestones")["regions"]["techtown"]["milestones"]
    assert Milestone.objects.filter(region=techtown).count() == len(expected) >= 12
    measured = Milestone.objects.get(region=techtown, indicator="classes_reached")
    assert (measured.target, measured.due_year, measured.due_quarter) == (70, 2026, 4)
    assert [t.slug for t in measured.techniekhuizen.all()] == ["techniekhuis-op-zuid"]
    assert Milestone.objects.get(region=techtown, code="1.1.1").manual_status == "done"
    kits = Milestone.objects.get(region=techtown, code="2.1.2")
    assert (kits.indicator, kits.target, kits.school_type) == ("schools_lent_kits", 3, "vmbo")
    run_seed()
    assert Milestone.objects.filter(region=techtown).count() == len(expected)


@pytest.mark.django_db
def test_teachers_at_the_past_masterclass_have_certificates_and_their_school_sees_who_shares(seeded, client):
    certificates = Certificate.objects.filter(activity="Masterclass micro:bit voor leerkrachten")
    assert certificates.count() == 4
    assert {certificate.hours for certificate in certificates} == {Decimal("3.0")}
    school = School.objects.get(brin_code="21XA")
    token = make_school_token(school.pk, school.contact_email)

    html = client.get(f"/professionalisering/school/{token}/").content.decode()

    assert "Fatima El Amrani" in html and "Joost van Dam" in html
    assert "Sanne de Wit" not in html and "Minder dan 3 andere docenten" in html
    assert "Mehmet Kaya" not in html, "a teacher of another school"
    run_seed()
    assert certificates.count() == 4 and RecordConsent.objects.count() == 2
