"""Teacher contributions: a draft in moderation, safe files only, nothing public before approval."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from cms.editorial.models import Contribution
from cms.editorial.roles import Role
from cms.editorial.workflows import REVIEW_TASK
from cms.outbox.models import OutgoingMail
from tests.api.problems import assert_problem, errors_at
from tests.factories import TargetGroupFactory, ThemeFactory, docx_bomb, docx_of_paragraphs

from .factories import (
    EXE_BYTES,
    HTML_BYTES,
    SVG_BYTES,
    docx_bytes,
    pdf_bytes,
    upload,
    user_in_role,
    zip_bytes,
)

pytestmark = pytest.mark.django_db

API = "/api/v3/contributions/"
FORM = "/lesmateriaal-delen/"


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()


@pytest.fixture
def terms():
    return {"group": TargetGroupFactory(name="po groep 7/8"), "theme": ThemeFactory(name="Energie")}


def payload(terms, *files, **overrides):
    data = {
        "title": "Zonne-energie met een mini-zonnepaneel",
        "description": "Leerlingen meten hoeveel stroom een zonnepaneel geeft bij zon en schaduw.",
        "target_groups": [terms["group"].pk],
        "themes": [terms["theme"].pk],
        "duration_minutes": 90,
        "contributor_name": "Fatima El Amrani",
        "contributor_email": "f.elamrani@school.example",
        "licence_consent": "on",
        "website": "",
        "files": list(files) or [upload("lesplan.pdf", pdf_bytes(), "application/pdf")],
    }
    data.update(overrides)
    return data


def approve_step(page, user, comment=""):
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve", comment=comment)


def test_valid_submission_creates_a_non_public_draft_in_moderation(tree, terms, client):
    response = client.post(
        API, payload(terms, upload("lesplan.pdf", pdf_bytes()), upload("werkblad.docx", docx_bytes()))
    )

    assert response.status_code == 201, response.json()
    contribution = Contribution.objects.get(pk=response.json()["id"])
    assert contribution.status == Contribution.Status.SUBMITTED
    page = contribution.page
    assert not page.live and page.first_published_at is None
    assert page.get_parent().specific == tree.databank
    assert list(page.target_groups.all()) == [terms["group"]]
    assert page.downloads.count() == 2
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == REVIEW_TASK


def test_nothing_from_a_contribution_is_reachable_before_approval(tree, terms, client):
    response = client.post(API, payload(terms))
    page = Contribution.objects.get(pk=response.json()["id"]).page
    document = page.downloads.first().document

    assert client.get(page.url or f"/databank/{page.slug}/").status_code == 404
    assert page.pk not in [item["id"] for item in client.get("/api/v3/lessonkits/").json()["items"]]
    assert client.get(f"/api/v3/lessonkits/{page.pk}/").status_code == 404
    download = client.get(document.url)
    assert download.status_code in (302, 403)
    assert b"%PDF" not in b"".join(getattr(download, "streaming_content", [download.content]))

    client.force_login(user_in_role(Role.DATABANK))
    assert client.get(document.url).status_code == 200


def test_approval_by_both_steps_publishes_and_mails_the_contributor(
    tree, terms, client, django_capture_on_commit_callbacks
):
    response = client.post(API, payload(terms))
    contribution = Contribution.objects.get(pk=response.json()["id"])
    page = contribution.page
    approve_step(page, user_in_role(Role.DATABANK))
    page.refresh_from_db()
    assert not page.live
    with django_capture_on_commit_callbacks(execute=True):
        approve_step(page, user_in_role(Role.EINDREDACTIE, tree.b.region), comment="Mooi materiaal, dank je!")

    page.refresh_from_db()
    contribution.refresh_from_db()
    assert page.live
    assert contribution.status == Contribution.Status.APPROVED
    assert contribution.reviewer_comment == "Mooi materiaal, dank je!"
    sent = [m for m in mail.outbox if m.to == ["f.elamrani@school.example"]]
    assert sent and "gepubliceerd" in sent[0].subject
    assert "Mooi materiaal, dank je!" in sent[0].body
    client.logout()
    assert client.get(page.downloads.first().document.url).status_code == 200


def test_contributed_files_reach_only_reviewers_choosers_until_approval(
    tree, terms, client, django_capture_on_commit_callbacks
):
    response = client.post(API, payload(terms, upload("Zonnepaneel lesplan.pdf", pdf_bytes())))
    page = Contribution.objects.get(pk=response.json()["id"]).page
    communicatie = user_in_role(Role.COMMUNICATIE, tree.a.region)

    def in_chooser(user) -> bool:
        client.force_login(user)
        return "Zonnepaneel lesplan" in client.get("/admin/documents/chooser/").json()["html"]

    assert not in_chooser(communicatie)
    assert in_chooser(user_in_role(Role.DATABANK))
    approve_step(page, user_in_role(Role.DATABANK))
    with django_capture_on_commit_callbacks(execute=True):
        approve_step(page, user_in_role(Role.EINDREDACTIE, tree.a.region))
    assert in_chooser(communicatie)


def test_rejection_mails_the_contributor_with_the_reviewers_comment(tree, terms, client):
    response = client.post(API, payload(terms))
    contribution = Contribution.objects.get(pk=response.json()["id"])
    task_state = contribution.page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(
        task_state, user_in_role(Role.DATABANK), "reject", comment="Voeg een docentenhandleiding toe."
    )

    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.REJECTED
    assert contribution.reviewer_comment == "Voeg een docentenhandleiding toe."
    queued = OutgoingMail.objects.get(to=["f.elamrani@school.example"])
    assert "Voeg een docentenhandleiding toe." in queued.body_text
    assert "aanpassingen" in queued.subject
    contribution.page.refresh_from_db()
    assert not contribution.page.live


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("installer.exe", EXE_BYTES, "dit bestandstype is niet toegestaan"),
        ("les.html", HTML_BYTES, "dit bestandstype is niet toegestaan"),
        ("tekening.svg", SVG_BYTES, "dit bestandstype is niet toegestaan"),
        ("lesplan.pdf", EXE_BYTES, "komt niet overeen"),
        ("werkblad.docx", pdf_bytes(), "komt niet overeen"),
        ("lesplan.pdf", HTML_BYTES, "komt niet overeen"),
        ("materiaal.zip", zip_bytes({"start.exe": EXE_BYTES}), "bevat een bestand dat niet is toegestaan"),
    ],
)
def test_bad_files_are_refused_with_a_clear_dutch_message(tree, terms, client, name, content, message):
    response = client.post(API, payload(terms, upload(name, content)))

    errors = errors_at(assert_problem(response, 400), "form", "files")
    assert any(message in error for error in errors), errors
    assert not Contribution.objects.exists()
    assert not get_document_model().objects.exists()


def test_too_large_files_are_refused(tree, terms, client, settings):
    settings.EDITORIAL_CONTRIBUTION_MAX_FILE_SIZE = 1024
    response = client.post(API, payload(terms, upload("lesplan.pdf", pdf_bytes() + b"0" * 2048)))
    assert "is te groot" in errors_at(assert_problem(response, 400), "form", "files")[0]


LICENCE_REQUIRED = "Je moet akkoord gaan met publicatie onder de CC BY-SA 4.0-licentie."


def test_missing_fields_and_licence_consent_are_reported_in_dutch(tree, terms, client):
    data = payload(terms)
    del data["licence_consent"]
    data["contributor_email"] = "geen-adres"
    response = client.post(API, data)
    body = assert_problem(response, 400)
    assert body["code"] == "invalid"
    assert body["detail"] == "Je inzending bevat fouten."
    assert errors_at(body, "form", "licence_consent") == [LICENCE_REQUIRED]
    assert "e-mailadres" in errors_at(body, "form", "contributor_email")[0]
    assert {"type": "required", "loc": ["form", "licence_consent"], "msg": LICENCE_REQUIRED} in (
        body["errors"]
    )


def test_honeypot_refuses_bots(tree, terms, client):
    response = client.post(API, payload(terms, website="https://spam.example"))
    body = assert_problem(response, 400)
    assert [e["type"] for e in body["errors"] if e["loc"] == ["form", "website"]] == ["spam"]
    assert not Contribution.objects.exists()


def test_rate_limit_per_ip(tree, terms, client, settings):
    settings.RATE_LIMITS = {"editorial.contributions": (2, 3600)}
    responses = [client.post(API, payload(terms)) for _ in range(3)]
    assert [r.status_code for r in responses] == [201, 201, 429]
    assert assert_problem(responses[2], 429)["code"] == "rate_limited"
    assert 1 <= int(responses[2]["Retry-After"]) <= 3600
    other = client.post(API, payload(terms), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 201


def test_rate_limit_counts_the_client_behind_the_proxy(tree, terms, client, settings):
    """Behind a proxy every request comes from the proxy's address; the header names the client."""
    settings.RATE_LIMITS = {"editorial.contributions": (1, 3600)}
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"

    first = client.post(API, payload(terms), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7")
    other_teacher = client.post(API, payload(terms), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.8")
    again = client.post(FORM, payload(terms), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7")

    assert (first.status_code, other_teacher.status_code, again.status_code) == (201, 201, 429)
    assert 1 <= int(again["Retry-After"]) <= 3600


def test_api_endpoint_is_documented_in_openapi(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/contributions/"]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]


def test_api_query_count_is_bounded(tree, terms, client, django_assert_max_num_queries):
    # A write that creates a page, revision, documents, search entries and a workflow: ~160 queries,
    # with a small constant per extra file.
    with django_assert_max_num_queries(175):
        assert client.post(API, payload(terms)).status_code == 201
    three_files = [upload(f"werkblad-{n}.pdf", pdf_bytes()) for n in range(3)]
    with django_assert_max_num_queries(175 + 2 * 40):
        assert client.post(API, payload(terms, *three_files), REMOTE_ADDR="10.0.0.2").status_code == 201


def test_public_form_renders_in_dutch_and_accepts_a_submission(tree, terms, client):
    page = client.get(FORM)
    assert page.status_code == 200
    assert "Deel je lesmateriaal" in page.content.decode()

    response = client.post(FORM, payload(terms))
    assert response.status_code == 302
    assert response["Location"].endswith("/lesmateriaal-delen/bedankt/")
    assert Contribution.objects.count() == 1


def test_public_form_shows_file_errors(tree, terms, client):
    response = client.post(FORM, payload(terms, upload("les.html", HTML_BYTES)))
    assert response.status_code == 400
    assert "dit bestandstype is niet toegestaan" in response.content.decode()


def test_a_decompression_bomb_is_refused_at_upload(tree, terms, client):
    response = client.post(API, payload(terms, upload("werkblad.docx", docx_bomb())))

    errors = errors_at(assert_problem(response, 400), "form", "files")
    assert any("werkblad.docx" in error and "uitgepakt" in error for error in errors), errors
    assert not Contribution.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_tightly_packed_archive_under_the_size_limit_is_refused(tree, terms, client):
    zeros = zip_bytes({"leeg.txt": b"\0" * (20 * 1024 * 1024)})  # 20 MB in ~20 KB: ratio ~1000

    response = client.post(API, payload(terms, upload("materiaal.zip", zeros)))

    errors = errors_at(assert_problem(response, 400), "form", "files")
    assert any("materiaal.zip" in error and "ingepakt" in error for error in errors), errors


def test_an_ordinary_office_file_still_passes(tree, terms, client):
    normal = docx_of_paragraphs("Leerlingen bouwen een windmolen en meten de stroom.", 200)
    response = client.post(API, payload(terms, upload("werkblad.docx", normal)))
    assert response.status_code == 201


def test_editors_cannot_upload_a_decompression_bomb_as_a_wagtail_document(admin_client):
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Bom", "file": upload("werkblad.docx", docx_bomb())}
    )
    assert response.status_code == 200
    assert "uitgepakt te groot" in str(response.context["form"].errors["file"])

    multiple = admin_client.post(
        "/admin/documents/multiple/add/", {"files[]": upload("werkblad.docx", docx_bomb())}
    )
    assert "uitgepakt te groot" in multiple.json()["error_message"]
    assert not get_document_model().objects.exists()

    fine = admin_client.post(
        "/admin/documents/add/", {"title": "Werkblad", "file": upload("werkblad.docx", docx_bytes())}
    )
    assert fine.status_code == 302
    assert get_document_model().objects.get().title == "Werkblad"


def test_a_reviewer_with_the_english_admin_mails_the_contributor_in_dutch(tree, terms, client):
    response = client.post(API, payload(terms))
    contribution = Contribution.objects.get(pk=response.json()["id"])
    task_state = contribution.page.current_workflow_state.current_task_state
    with translation.override("en"):  # what Wagtail activates for a reviewer who chose English
        task_state.task.specific.on_action(
            task_state, user_in_role(Role.DATABANK), "reject", comment="Graag een handleiding."
        )

    queued = OutgoingMail.objects.get(to=["f.elamrani@school.example"])
    assert queued.subject.startswith("Je lesmateriaal heeft aanpassingen nodig: ")
