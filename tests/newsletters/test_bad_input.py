"""Bad input: invalid or oversized fields and header injection give clear Dutch errors, and
nothing is saved or sent; names are put on one line."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.newsletters import services
from cms.newsletters.models import NewsletterPage, NewsletterSend, Subscriber
from cms.outbox.models import OutgoingMail
from tests.api.problems import assert_problem, errors_at
from tests.newsletters.factories import NewsletterPageFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

NO_LINE_BREAKS = "Dit veld mag geen regeleinden bevatten."


def post_form(client, capture, **data):
    with capture(execute=True):
        return client.post(reverse("newsletters:subscribe"), {"consent": "on", **data})


def post_api(client, capture, **data):
    with capture(execute=True):
        return client.post(
            "/api/v3/newsletters/subscribe", {"consent": True, **data}, content_type="application/json"
        )


def with_subject(newsletter, subject):
    """Store ``subject`` past the page validation, as code or an import could, live and as draft."""
    newsletter.subject = subject
    newsletter.save_revision(clean=False)
    NewsletterPage.objects.filter(pk=newsletter.pk).update(subject=subject)
    return newsletter


def assert_nothing_saved_or_sent(smtp_server):
    assert not Subscriber.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert smtp_server.messages == []


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
        (
            {"email": "anna@school.nl\r\nBcc: slachtoffer@example.org"},
            "email",
            "Voer een geldig e-mailadres in.",
        ),
        ({"email": "anna@school.nl", "name": "A" * 151}, "name", "niet meer dan 150 tekens"),
        ({"email": "a" * 250 + "@school.nl"}, "email", "niet meer dan 254 tekens"),
    ],
    ids=[
        "invalid-email",
        "email-header-injection",
        "name-too-long",
        "email-too-long",
    ],
)
def test_subscribe_form_refuses_bad_input_in_dutch(
    client, region_site, smtp_server, django_capture_on_commit_callbacks, data, field, message
):
    response = post_form(client, django_capture_on_commit_callbacks, **data)

    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert message in response.content.decode()
    assert_nothing_saved_or_sent(smtp_server)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
        ({"email": "anna@school.nl", "name": "A" * 151}, "name", "niet meer dan 150 tekens"),
        ({"email": "a" * 250 + "@school.nl"}, "email", "niet meer dan 254 tekens"),
    ],
    ids=["invalid-email", "name-too-long", "email-too-long"],
)
def test_subscribe_api_answers_400_with_dutch_field_messages(
    client, region_site, smtp_server, django_capture_on_commit_callbacks, data, field, message
):
    response = post_api(client, django_capture_on_commit_callbacks, **data)

    body = assert_problem(response, 400)
    assert body["detail"] == "Je aanmelding bevat fouten."
    assert any(message in error for error in errors_at(body, "body", field))
    assert_nothing_saved_or_sent(smtp_server)


@pytest.mark.parametrize("post", [post_form, post_api], ids=["form", "api"])
def test_subscribe_puts_a_name_with_line_breaks_on_one_line(
    client, region_site, smtp_server, django_capture_on_commit_callbacks, post
):
    """A name is what people type about themselves: a pasted line break is a slip, not a refusal."""
    post(
        client, django_capture_on_commit_callbacks, email="anna@school.nl", name="Anna\r\nBcc: x@example.org"
    )

    assert Subscriber.objects.get().name == "Anna Bcc: x@example.org"
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["anna@school.nl"] and message["Bcc"] is None


def test_preferences_put_a_name_with_a_line_break_on_one_line(client, region_site):
    from cms.newsletters import tokens

    subscriber = SubscriberFactory(name="Anna")
    url = reverse("newsletters:preferences", args=[tokens.make_preferences_token(subscriber.pk)])

    client.post(url, {"name": "Anna\nde Vries"})

    subscriber.refresh_from_db()
    assert subscriber.name == "Anna de Vries"


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ("Nieuws\r\nBcc: iedereen@example.org", NO_LINE_BREAKS),
        ("Nieuws\u2028extra", NO_LINE_BREAKS),
        ("N" * 151, "niet meer dan 150 tekens"),
    ],
    ids=["crlf", "unicode-line-separator", "too-long"],
)
def test_newsletter_page_validation_refuses_bad_subject_in_dutch(archive, subject, message):
    newsletter = NewsletterPageFactory(parent=archive)
    newsletter.subject = subject

    with pytest.raises(ValidationError) as error:
        newsletter.full_clean()

    assert any(message in text for text in error.value.message_dict["subject"])


def test_newsletter_with_injected_subject_is_not_sent(
    archive, smtp_server, django_capture_on_commit_callbacks
):
    """A subject that bypassed the page form (saved in code or imported) still stops the send."""
    SubscriberFactory.create_batch(2)
    newsletter = with_subject(NewsletterPageFactory(parent=archive), "Nieuws\nBcc: iedereen@example.org")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.InvalidContent) as error:
        services.schedule_send(newsletter)

    assert str(error.value) == "Het onderwerp van de nieuwsbrief mag geen regeleinden bevatten."
    assert not NewsletterSend.objects.exists()
    assert smtp_server.messages == []


def test_admin_send_and_test_mail_report_an_injected_subject(
    client, django_user_model, archive, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    newsletter = with_subject(NewsletterPageFactory(parent=archive), "Nieuws\r\nBcc: iedereen@example.org")
    client.force_login(django_user_model.objects.create_superuser("redacteur", "r@regio.nl", "x"))
    url = reverse("newsletters_send", args=[newsletter.pk])

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url, {"send": "1", "send-scheduled_at": ""}, follow=True)
        tested = client.post(url, {"test": "1", "test-email": "r@regio.nl"}, follow=True)

    for response in (sent, tested):
        assert "Het onderwerp van de nieuwsbrief mag geen regeleinden bevatten." in response.content.decode()
    assert not NewsletterSend.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert smtp_server.messages == []
