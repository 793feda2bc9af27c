"""Privacy-friendly click counting: per link, never per person, and off unless switched on."""

import re
from urllib.parse import urlparse

import pytest
from django.test import Client

from cms.newsletters import clicks, services
from cms.newsletters.models import NewsletterLink
from tests.factories import NewsArticlePageFactory
from tests.newsletters.factories import NewsletterPageFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')


def send_to_two(archive, region_site, capture):
    NewsArticlePageFactory(parent=region_site.news, title="Zonneboten op de vijver")
    SubscriberFactory(email="juf@school.nl")
    SubscriberFactory(email="meester@school.nl")
    newsletter = NewsletterPageFactory(parent=archive)
    with capture(execute=True):
        services.schedule_send(newsletter)


def html_links(message) -> list[str]:
    return HREF.findall(message.get_body(("html",)).get_content())


def test_links_count_per_link_with_the_same_url_for_every_recipient(
    archive, region_site, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_COUNT_CLICKS = True
    send_to_two(archive, region_site, django_capture_on_commit_callbacks)

    (first, second) = [html_links(message) for _rcpt, message in smtp_server.messages]
    counted = [href for href in first if "/nieuwsbrief/klik/" in href]
    assert len(counted) >= 3  # the text link, the button and the news article
    assert counted == [href for href in second if "/nieuwsbrief/klik/" in href], "no per-person URL"
    assert not [href for href in first if href.startswith("https://example.org")], "every web link counted"
    assert any("/nieuwsbrief/afmelden/" in href for href in first), "unsubscribe stays personal and direct"

    link = NewsletterLink.objects.get(url="https://example.org/")
    counting_url = clicks.counting_url(link.send, link)
    # The signature carries a timestamp: compare the signed value (the link), not the whole URL.
    signed_link = counting_url.split("/klik/")[1].split(":")[0]
    assert signed_link in [href.split("/klik/")[1].split(":")[0] for href in counted]
    client = Client()
    response = client.get(urlparse(counting_url).path)
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/"
    assert response["Cache-Control"] == "no-store"
    client.get(urlparse(counting_url).path)
    link.refresh_from_db()
    assert link.clicks == 2
    assert NewsletterLink.objects.exclude(pk=link.pk).filter(clicks__gt=0).count() == 0


def test_a_forged_counting_url_is_not_found_and_counts_nothing(
    archive, region_site, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_COUNT_CLICKS = True
    send_to_two(archive, region_site, django_capture_on_commit_callbacks)
    counted = [h for h in html_links(smtp_server.messages[0][1]) if "/nieuwsbrief/klik/" in h]
    forged = urlparse(counted[0]).path.rstrip("/")[:-2] + "xx/"

    assert Client().get(forged).status_code == 404
    assert Client().get("/nieuwsbrief/klik/https:%2F%2Fevil.example/").status_code == 404
    assert not NewsletterLink.objects.filter(clicks__gt=0).exists()


def test_off_by_default_links_go_straight_to_their_target(
    archive, region_site, smtp_server, django_capture_on_commit_callbacks
):
    send_to_two(archive, region_site, django_capture_on_commit_callbacks)

    links = html_links(smtp_server.messages[0][1])
    assert "https://example.org/" in links
    assert not [href for href in links if "/nieuwsbrief/klik/" in href]
    assert not NewsletterLink.objects.exists()


def test_the_send_screen_shows_clicks_per_link(
    archive, region_site, smtp_server, django_capture_on_commit_callbacks, settings, admin_client
):
    settings.NEWSLETTER_COUNT_CLICKS = True
    send_to_two(archive, region_site, django_capture_on_commit_callbacks)
    link = NewsletterLink.objects.get(url="https://example.org/aanmelden")
    NewsletterLink.objects.filter(pk=link.pk).update(clicks=7)
    newsletter = link.send.newsletter

    html = admin_client.get(f"/admin/newsletters/{newsletter.pk}/send/").content.decode()

    assert "Klikken per link" in html
    assert "https://example.org/aanmelden</td><td>7</td>" in html
