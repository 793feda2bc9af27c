"""Which language each part speaks (cms/i18n.py): the public site its content's language, the admin
the editor's own choice (Dutch by default), the API the client's ``Accept-Language``."""

import feedparser
import pytest
from django.urls import reverse

from cms.outbox.models import OutgoingMail
from tests.bookings.factories import LessonOfferingFactory, TimeSlotFactory
from tests.bookings.test_views import form_data
from tests.factories import (
    ChallengePageFactory,
    EventPageFactory,
    LessonKitPageFactory,
    NewsArticlePageFactory,
    RegionSite,
    StandardPageFactory,
    TechniekhuisPageFactory,
)

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def assert_dutch_page(response) -> None:
    html = response.content.decode()
    assert '<html lang="nl"' in html, response.request["PATH_INFO"]
    assert "Direct naar de inhoud" in html
    assert "Skip to main content" not in html
    assert response["Content-Language"] == "nl"


@pytest.fixture
def public_paths(region_site) -> list[str]:
    """One page of every page kind plus the public forms and listings (the ones a visitor reaches)."""
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Techniekhuis op Zuid")
    slot = TimeSlotFactory(offering=LessonOfferingFactory(techniekhuis=house))
    event = EventPageFactory(parent=region_site.events, title="Leernetwerk decanen")
    challenge = ChallengePageFactory(parent=region_site.challenges, title="Young Solar Challenge")
    pages = [
        region_site.home,
        region_site.news,
        region_site.techniekhuizen,
        region_site.challenges,
        region_site.events,
        region_site.databank,
        StandardPageFactory(parent=region_site.home, title="Over ons"),
        NewsArticlePageFactory(parent=region_site.news, title="Zonnebootrace gewonnen"),
        house,
        LessonKitPageFactory(parent=region_site.databank, title="Bruggen bouwen"),
        challenge,
        event,
    ]
    return [page.url for page in pages] + [
        "/databank/zoeken/?q=bouwen",
        "/boeken/",
        f"/boeken/tijdslot/{slot.pk}/",
        f"/evenementen/{event.pk}/aanmelden/",
        f"/evenementen/challenge/{challenge.pk}/team-aanmelden/",
        "/nieuwsbrief/aanmelden/",
        "/lesmateriaal-delen/",
        "/menukaart/",
    ]


def test_every_public_page_kind_speaks_dutch_to_an_english_browser(client, public_paths):
    for path in public_paths:
        response = client.get(path, **ENGLISH_BROWSER)
        assert response.status_code == 200, path
        assert_dutch_page(response)


def test_the_not_found_page_speaks_dutch_to_an_english_browser(client, region_site):
    response = client.get("/bestaat-niet/", **ENGLISH_BROWSER)
    assert response.status_code == 404
    assert_dutch_page(response)


def test_public_pages_do_not_vary_by_the_browser_language(client, region_site):
    """One cached copy serves every visitor: the answer does not depend on Accept-Language."""
    response = client.get("/", **ENGLISH_BROWSER)
    assert "Accept-Language" not in response.get("Vary", "")


def test_a_form_error_is_dutch_for_an_english_browser(client, region_site):
    slot = TimeSlotFactory()
    response = client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot, pupils="0"), **ENGLISH_BROWSER)
    assert response.status_code == 400
    assert_dutch_page(response)


@pytest.mark.parametrize("path", ["/feeds/nieuws/rss/", "/feeds/nieuws/atom/"])
def test_news_feeds_are_dutch_for_an_english_browser(client, region_site, path):
    NewsArticlePageFactory(parent=region_site.news, title="Zonneauto gebouwd")
    feed = feedparser.parse(client.get(path, **ENGLISH_BROWSER).content)
    assert feed.feed.title.startswith("Nieuws")
    assert feed.feed.get("language", "nl") == "nl"
    assert feed.feed.get("subtitle") == "Het laatste nieuws."


def test_a_booking_from_an_english_browser_is_confirmed_in_dutch(
    client, region_site, django_capture_on_commit_callbacks
):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen)
    slot = TimeSlotFactory(offering=LessonOfferingFactory(title="Bouw een windmolen", techniekhuis=house))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/boeken/tijdslot/{slot.pk}/", form_data(slot), **ENGLISH_BROWSER)

    assert response.status_code == 302
    mail = OutgoingMail.objects.get(to=["anna@regenboog.nl"])
    assert mail.subject == "Boeking bevestigd: Bouw een windmolen"


# --- a region that publishes in English gets the English interface with it ---------------------


@pytest.fixture
def english_site(region_site) -> RegionSite:
    return RegionSite(hostname="en.example.org", is_default=False, language="en")


def test_a_site_whose_content_is_english_speaks_english_to_a_dutch_browser(client, english_site):
    response = client.get("/", HTTP_HOST="en.example.org", HTTP_ACCEPT_LANGUAGE="nl")
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Skip to main content" in html
    assert response["Content-Language"] == "en"


def test_the_dutch_site_stays_dutch_next_to_an_english_one(client, english_site):
    assert_dutch_page(client.get("/", **ENGLISH_BROWSER))


# --- the admin: Dutch unless the editor chose otherwise in their profile --------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redacteur", "redactie@regio.nl", "wachtwoord")


def test_the_admin_login_is_dutch_for_an_english_browser(client, db):
    html = client.get("/admin/login/", **ENGLISH_BROWSER).content.decode()
    assert '<html lang="nl"' in html
    assert "Inloggen" in html


def test_an_editor_without_a_preference_sees_the_dutch_admin_with_an_english_browser(client, editor):
    client.force_login(editor)
    html = client.get("/admin/", **ENGLISH_BROWSER).content.decode()
    assert '<html lang="nl"' in html
    assert "Uitloggen" in html


def test_an_editor_who_chose_english_sees_the_english_admin_with_a_dutch_browser(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Ruth",
            "name_email-last_name": "Redacteur",
            "name_email-email": editor.email,
            "locale-preferred_language": "en",
            "locale-current_time_zone": "Europe/Amsterdam",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 302

    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert '<html lang="en"' in html
    assert "Log out" in html


# --- the API: the client chooses the language of messages -------------------------------------------


@pytest.mark.parametrize(
    ("accept", "detail"), [("en", "Not found"), ("nl", "Niet gevonden"), ("", "Niet gevonden")]
)
def test_api_errors_follow_the_requests_accept_language(client, region_site, accept, detail):
    response = client.get("/api/v3/news/999/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 404
    assert response.json()["detail"] == detail
    assert "Accept-Language" in response["Vary"]


def test_api_content_stays_in_the_contents_language_for_an_english_client(client, region_site):
    NewsArticlePageFactory(parent=region_site.news, title="Zonneauto gebouwd")
    items = client.get("/api/v3/news/", HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    assert [item["title"] for item in items] == ["Zonneauto gebouwd"]
