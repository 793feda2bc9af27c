"""The public subscribe form and API are rate limited per client address."""

import pytest
from django.urls import reverse

from cms.newsletters.models import Subscriber
from tests.api.problems import assert_problem

pytestmark = pytest.mark.django_db

TOO_MANY = "Te veel aanmeldpogingen vanaf je netwerk. Probeer het over een paar minuten opnieuw."


def test_subscribe_form_refuses_with_429_after_the_limit_per_address(client, region_site, settings):
    settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT = (2, 600)
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
    settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT = (1, 600)
    url = reverse("newsletters:subscribe")

    first = client.post(url, {"email": "geen-adres"})
    second = client.post(url, {"email": "juf@school.nl", "consent": "on"})

    assert (first.status_code, second.status_code) == (400, 429)
    assert not Subscriber.objects.exists()


def test_subscribe_api_answers_429_after_the_limit(client, region_site, settings):
    settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT = (1, 600)

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
    settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT = None
    url = reverse("newsletters:subscribe")

    codes = {client.post(url, {"email": f"juf{i}@school.nl", "consent": "on"}).status_code for i in range(12)}

    assert codes == {200}
