"""Double opt-in, preferences, unsubscribe and re-subscribe, against a real SMTP server."""

import re

import pytest
from django.urls import reverse

from cms.newsletters import services, tokens
from cms.newsletters.models import Delivery, Subscriber
from tests.factories import RegionFactory
from tests.newsletters.factories import SegmentFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def confirmation_link(message) -> str:
    body = message.get_body(("plain",)).get_content()
    return re.search(r"https?://\S+/nieuwsbrief/bevestigen/\S+/", body)[0]


def test_double_opt_in_form_mail_link_confirms_subscriber(
    client, smtp_server, region_site, django_capture_on_commit_callbacks
):
    segment = SegmentFactory(name="Basisscholen")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("newsletters:subscribe"),
            {
                "email": "Juf.Anna@School.nl",
                "name": "Anna de Vries",
                "segments": [segment.slug],
                "consent": "on",
            },
        )

    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "juf.anna@school.nl"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_requested_at is not None
    assert subscriber.consent_given_at is None
    assert subscriber.region == region_site.region, "defaults to the region of the site"
    assert smtp_server.recipients() == ["juf.anna@school.nl"]
    link = confirmation_link(smtp_server.messages[0][1])

    response = client.get(link)

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.consent_given_at is not None
    assert list(subscriber.segments.all()) == [segment]


def test_api_subscribe_sends_confirmation_and_link_activates(
    client, smtp_server, region_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v3/newsletters/subscribe",
            {"email": "meester@school.nl", "consent": True},
            content_type="application/json",
        )

    assert response.status_code == 202, response.content
    assert response.json()["status"] == "pending"
    link = confirmation_link(smtp_server.messages[0][1])
    assert client.get(link).status_code == 200
    assert Subscriber.objects.get(email="meester@school.nl").status == Subscriber.Status.ACTIVE


def test_tampered_confirmation_link_is_refused(client, smtp_server, region_site):
    subscriber = services.subscribe(email="a@school.nl", base_url="http://testserver")
    token = tokens.make_confirm_token(subscriber)

    response = client.get(reverse("newsletters:confirm", args=[token[:-2] + "xx"]))

    assert response.status_code == 400
    assert "niet geldig" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_expired_confirmation_link_is_refused(client, settings, region_site):
    settings.NEWSLETTER_CONFIRM_MAX_AGE = -1
    subscriber = services.subscribe(email="a@school.nl", base_url="http://testserver")

    response = client.get(reverse("newsletters:confirm", args=[tokens.make_confirm_token(subscriber)]))

    assert response.status_code == 400
    assert "verlopen" in response.content.decode()


def test_subscribing_an_active_address_changes_nothing_and_mails_nothing(
    smtp_server, region_site, django_capture_on_commit_callbacks
):
    keep = SegmentFactory()
    other = SegmentFactory()
    subscriber = SubscriberFactory(email="a@school.nl", segments=[keep])

    with django_capture_on_commit_callbacks(execute=True):
        services.subscribe(email="a@school.nl", segments=[other], base_url="http://testserver")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert list(subscriber.segments.all()) == [keep]
    assert smtp_server.messages == []


def test_one_click_unsubscribe_post_without_csrf_returns_200(region_site, smtp_server):
    from django.test import Client

    subscriber = SubscriberFactory()
    token = tokens.make_unsubscribe_token(subscriber.pk)
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("newsletters:unsubscribe", args=[token]), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_unsubscribe_get_only_asks(client, region_site):
    subscriber = SubscriberFactory()

    response = client.get(
        reverse("newsletters:unsubscribe", args=[tokens.make_unsubscribe_token(subscriber.pk)])
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE


def test_forged_unsubscribe_token_is_refused(client, region_site):
    subscriber = SubscriberFactory()

    response = client.post(reverse("newsletters:unsubscribe", args=[f"{subscriber.pk}.0:forged"]))

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE


def test_resubscribe_after_unsubscribe_needs_and_gets_confirmation(
    client, smtp_server, region_site, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(email="a@school.nl")
    services.unsubscribe(subscriber)

    with django_capture_on_commit_callbacks(execute=True):
        services.subscribe(email="a@school.nl", base_url="http://testserver")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert client.get(confirmation_link(smtp_server.messages[0][1])).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.unsubscribed_at is None


def test_preferences_page_changes_lists_and_region(client, region_site):
    old, new = SegmentFactory(), SegmentFactory()
    region = RegionFactory()
    subscriber = SubscriberFactory(segments=[old])
    url = reverse("newsletters:preferences", args=[tokens.make_preferences_token(subscriber.pk)])

    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Nieuwe naam", "segments": [new.slug], "region": region.slug})

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.name == "Nieuwe naam"
    assert list(subscriber.segments.all()) == [new]
    assert subscriber.region == region


def test_preferences_page_can_unsubscribe(client, region_site):
    subscriber = SubscriberFactory()
    url = reverse("newsletters:preferences", args=[tokens.make_preferences_token(subscriber.pk)])

    client.post(url, {"unsubscribe": "1"})

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not Delivery.objects.exists()


def subscribe_by_form(client, email: str, capture) -> None:
    with capture(execute=True):
        response = client.post(reverse("newsletters:subscribe"), {"email": email, "consent": "on"})
    assert response.status_code == 200, response.content


def test_an_old_confirmation_link_never_undoes_a_later_unsubscribe(
    client, smtp_server, region_site, django_capture_on_commit_callbacks
):
    subscribe_by_form(client, "juf@school.nl", django_capture_on_commit_callbacks)
    first_link = confirmation_link(smtp_server.messages[0][1])
    assert client.get(first_link).status_code == 200
    subscriber = Subscriber.objects.get()
    consent_given_at = subscriber.consent_given_at
    unsubscribe_url = reverse("newsletters:unsubscribe", args=[tokens.make_unsubscribe_token(subscriber.pk)])
    assert client.post(unsubscribe_url).status_code == 200

    response = client.get(first_link)

    assert response.status_code == 400
    assert "Deze bevestigingslink is al gebruikt" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.consent_given_at == consent_given_at
    assert subscriber.unsubscribed_at is not None


def test_after_unsubscribing_a_fresh_subscription_gets_a_fresh_link_that_works(
    client, smtp_server, region_site, django_capture_on_commit_callbacks
):
    subscribe_by_form(client, "juf@school.nl", django_capture_on_commit_callbacks)
    first_link = confirmation_link(smtp_server.messages[0][1])
    client.get(first_link)
    services.unsubscribe(Subscriber.objects.get())

    subscribe_by_form(client, "juf@school.nl", django_capture_on_commit_callbacks)
    second_link = confirmation_link(smtp_server.messages[1][1])

    assert second_link != first_link
    assert client.get(first_link).status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert client.get(second_link).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE


def test_a_confirmation_link_is_used_once_and_a_second_click_changes_nothing(
    client, smtp_server, region_site, django_capture_on_commit_callbacks
):
    subscribe_by_form(client, "juf@school.nl", django_capture_on_commit_callbacks)
    link = confirmation_link(smtp_server.messages[0][1])
    client.get(link)
    consent_given_at = Subscriber.objects.get().consent_given_at

    again = client.get(link)

    assert again.status_code == 200
    content = again.content.decode()
    assert "Je aanmelding is al bevestigd" in content
    assert "voorkeuren" not in content.lower(), "a used link no longer opens the preferences"
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.consent_given_at) == (Subscriber.Status.ACTIVE, consent_given_at)
