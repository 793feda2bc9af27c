"""The public subscribe form and API are rate limited per client address."""

import pytest
from django.urls import reverse

from cms.newsletters.models import Subscriber
from tests.api.problems import assert_problem

pytestmark = pytest.mark.django_db

TOO_MANY = "Te veel aanmeldpogingen vanaf je netwerk. Probeer het over een paar minuten opnieuw."


def test_subscribe_form_refuses_with_429_after_the_limit_per_address(client, region_site, settings):
    settings.RATE_LIMITS = {"newsletters.subscribe": (2, 600)}
    url = reverse("newsletters:subscribe")

    answers = [
        client.post(url, {"email": f"juf{i}@school.nl", "consent": "on"}, REMOTE_ADDR="203.0.113.7")
        for i in range(3)
    ]
    other_network = client.post(
        url, {"email": "meester@school.nl", "consent": "on"}, REMOTE_ADDR="198.51.100.1"
    )

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert TOO_MANY in answers[2].content.decode()
    assert other_network.status_code == 200
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "juf0@school.nl",
        "juf1@school.nl",
        "meester@school.nl",
    }


def test_invalid_attempts_count_too(client, region_site, settings):
    settings.RATE_LIMITS = {"newsletters.subscribe": (1, 600)}
    url = reverse("newsletters:subscribe")

    first = client.post(url, {"email": "geen-adres"})
    second = client.post(url, {"email": "juf@school.nl", "consent": "on"})

    assert (first.status_code, second.status_code) == (400, 429)
    assert not Subscriber.objects.exists()


def test_subscribe_api_answers_429_after_the_limit(client, region_site, settings):
    settings.RATE_LIMITS = {"newsletters.subscribe": (1, 600)}

    def post(email):
        return client.post(
            "/api/v3/newsletters/subscribe",
            {"email": email, "consent": True},
            content_type="application/json",
            REMOTE_ADDR="203.0.113.7",
        )

    assert post("juf@school.nl").status_code == 202
    refused = post("meester@school.nl")

    body = assert_problem(refused, 429)
    assert (body["detail"], body["code"]) == (TOO_MANY, "rate_limited")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["juf@school.nl"]


def test_rate_limit_can_be_switched_off(client, region_site, settings):
    settings.RATE_LIMITS = {"newsletters.subscribe": None}
    url = reverse("newsletters:subscribe")

    codes = {client.post(url, {"email": f"juf{i}@school.nl", "consent": "on"}).status_code for i in range(12)}

    assert codes == {200}


def retry_after(response) -> int:
    """The ``Retry-After`` header in seconds; every 429 carries one."""
    assert response.has_header("Retry-After"), "a 429 says when to try again"
    return int(response["Retry-After"])


def test_every_429_of_the_form_and_the_api_says_when_to_try_again(client, region_site, settings):
    settings.RATE_LIMITS = {"newsletters.subscribe": (1, 600)}
    form_url = reverse("newsletters:subscribe")
    client.post(form_url, {"email": "juf@school.nl", "consent": "on"})

    form_refusal = client.post(form_url, {"email": "meester@school.nl", "consent": "on"})
    api_refusal = client.post(
        "/api/v3/newsletters/subscribe",
        {"email": "meester@school.nl", "consent": True},
        content_type="application/json",
    )

    assert form_refusal.status_code == 429
    assert 1 <= retry_after(form_refusal) <= 600
    assert_problem(api_refusal, 429)
    assert 1 <= retry_after(api_refusal) <= 600


def test_one_address_gets_at_most_three_confirmation_mails_an_hour_and_the_answer_stays_the_same(
    client, smtp_server, region_site, settings, django_capture_on_commit_callbacks
):
    settings.RATE_LIMITS = {"newsletters.subscribe": None}  # many networks, as a botnet would use
    url = reverse("newsletters:subscribe")

    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            client.post(url, {"email": "juf@school.nl", "consent": "on"}, REMOTE_ADDR=f"203.0.113.{n}")
            for n in range(10)
        ]
        api_answer = client.post(
            "/api/v3/newsletters/subscribe",
            {"email": "juf@school.nl", "consent": True},
            content_type="application/json",
        )
        other = client.post(url, {"email": "meester@school.nl", "consent": "on"})

    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1, "a limited address gets the same answer as any other"
    assert api_answer.status_code == 202
    assert other.status_code == 200
    assert smtp_server.recipients().count("juf@school.nl") == 3
    assert "meester@school.nl" in smtp_server.recipients()


def test_a_limited_address_can_still_use_the_last_link_it_was_sent(
    client, smtp_server, region_site, settings, django_capture_on_commit_callbacks
):
    from tests.newsletters.test_subscribers import confirmation_link

    settings.RATE_LIMITS = {"newsletters.confirmation_mails": (1, 3600)}
    url = reverse("newsletters:subscribe")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "juf@school.nl", "consent": "on"})
        client.post(url, {"email": "juf@school.nl", "consent": "on"})

    assert len(smtp_server.messages) == 1
    assert client.get(confirmation_link(smtp_server.messages[0][1])).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE


def test_the_form_and_the_api_refuse_what_fills_the_honeypot(client, smtp_server, region_site):
    form = client.post(
        reverse("newsletters:subscribe"),
        {"email": "juf@school.nl", "consent": "on", "website": "http://spam.example"},
    )
    api = client.post(
        "/api/v3/newsletters/subscribe",
        {"email": "juf@school.nl", "consent": True, "website": "http://spam.example"},
        content_type="application/json",
    )

    assert form.status_code == 400
    assert "Je inzending kon niet worden verwerkt." in form.content.decode()
    assert assert_problem(api, 400)["code"] == "invalid"
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_the_honeypot_is_hidden_from_people(client, region_site):
    html = client.get(reverse("newsletters:subscribe")).content.decode()

    assert 'name="website"' in html
    assert 'aria-hidden="true"' in html
    assert 'tabindex="-1"' in html
