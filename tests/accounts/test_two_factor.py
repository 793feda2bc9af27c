"""Two-step verification after Wagtail's password login (django-otp, codes computed like a phone does)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.editorial.roles import Role
from tests.accounts.factories import (
    UserFactory,
    current_code,
    sign_in,
    user_in_role,
    with_authenticator,
    with_recovery_codes,
)
from tests.factories import LessonKitPageFactory
from tests.search.factories import LessonKitDownloadFactory, PdfDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def enforced(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def no_throttle(settings):
    """django-otp makes each wrong code cost a growing wait; these tests retry at once."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def test_publishing_editor_must_set_up_two_factor_before_the_admin_opens(
    client, roles, region_site, enforced
):
    editor = user_in_role(Role.EINDREDACTIE, region_site.region)
    sign_in(client, editor.username)

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")

    setup_page = client.get(response["Location"])
    assert setup_page.status_code == 200
    assert "<svg" in setup_page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.get("/admin/pages/")["Location"].startswith(
        "/admin/two-factor/setup/"
    )  # still closed before the code is confirmed

    confirmed = client.post(
        "/admin/two-factor/setup/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert confirmed.status_code == 302
    codes_page = client.get(confirmed["Location"])
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert client.get(confirmed["Location"]).status_code == 302  # shown once
    assert client.get("/admin/").status_code == 200


def test_wrong_setup_code_keeps_the_admin_closed_with_a_dutch_error(client, roles, region_site, enforced):
    editor = user_in_role(Role.EINDREDACTIE, region_site.region)
    sign_in(client, editor.username)
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    response = client.post("/admin/two-factor/setup/", {"token": wrong})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_beheer_and_superusers_must_use_two_factor_but_a_reader_without_publishing_need_not(
    client, roles, region_site, enforced
):
    beheer = user_in_role(Role.BEHEER)
    superuser = UserFactory(is_superuser=True)
    superuser.save()
    reader = UserFactory()  # may open the admin, publishes nothing, sees no personal data
    reader.save()
    reader_group = Group.objects.create(name="Meelezers")
    reader_group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(reader_group)

    for user in (beheer, superuser):
        client.force_login(user)
        assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/"), user
    client.force_login(reader)
    assert client.get("/admin/").status_code == 200


def test_techniekhuis_coordinators_must_use_two_factor(client, roles, region_site, enforced):
    client.force_login(user_in_role(Role.COORDINATOREN))

    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


def test_account_with_an_authenticator_is_asked_for_its_code_after_the_password(
    client, region_site, roles, no_throttle
):
    # Not enforced (the demo), but an account that turned it on is always asked.
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    device = with_authenticator(editor)
    sign_in(client, editor.username)

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/")

    wrong = client.post(
        "/admin/two-factor/verify/", {"token": "000000" if current_code(device) != "000000" else "1"}
    )
    assert "Deze code klopt niet" in wrong.content.decode()

    right = client.post("/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/pages/"})
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_once(client, region_site, roles, enforced, no_throttle):
    editor = user_in_role(Role.EINDREDACTIE, region_site.region)
    with_authenticator(editor)
    with_recovery_codes(editor, "herstel123", "herstel456")

    sign_in(client, editor.username)
    response = client.post("/admin/two-factor/verify/", {"token": "herstel123"}, follow=True)
    assert response.status_code == 200
    assert "Herstelcodes over: 1" in response.content.decode()

    client.logout()
    sign_in(client, editor.username)
    again = client.post("/admin/two-factor/verify/", {"token": "herstel123"})
    assert "Deze code klopt niet" in again.content.decode()
    assert client.get("/admin/").status_code == 302


def test_guessing_codes_is_slowed_down_with_a_dutch_message(client, region_site, roles):
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    device = with_authenticator(editor)
    sign_in(client, editor.username)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    client.post("/admin/two-factor/verify/", {"token": wrong})

    right_too_soon = client.post("/admin/two-factor/verify/", {"token": current_code(device)})

    assert right_too_soon.status_code == 200
    assert "Te veel foute codes" in right_too_soon.content.decode()
    assert client.get("/admin/").status_code == 302


def test_next_url_after_verification_stays_on_this_site(client, region_site, roles):
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    device = with_authenticator(editor)
    sign_in(client, editor.username)

    response = client.post(
        "/admin/two-factor/verify/", {"token": current_code(device), "next": "https://evil.example/"}
    )

    assert response["Location"] == "/admin/"


def test_new_recovery_codes_replace_the_old_ones(client, region_site, roles, no_throttle):
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    device = with_authenticator(editor)
    with_recovery_codes(editor, "oudecode1")
    sign_in(client, editor.username)
    client.post("/admin/two-factor/verify/", {"token": current_code(device)})

    response = client.post("/admin/two-factor/recovery-codes/new/", follow=True)

    codes = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    assert len(codes) == 10
    client.logout()
    sign_in(client, editor.username)
    assert (
        "Deze code klopt niet"
        in client.post("/admin/two-factor/verify/", {"token": "oudecode1"}).content.decode()
    )
    assert client.post("/admin/two-factor/verify/", {"token": codes[0]})["Location"] == "/admin/"


def test_setup_page_draws_the_qr_code_without_script(client, region_site, roles, enforced):
    editor = user_in_role(Role.EINDREDACTIE, region_site.region)
    sign_in(client, editor.username)

    html = client.get("/admin/two-factor/setup/").content.decode()

    qr = html[html.index('<div class="accounts-qr-code"') :]
    qr = qr[: qr.index("</div>")]
    assert "<svg" in qr and "<script" not in qr and "onload" not in qr
    assert "otpauth://" not in html  # the key travels only inside the drawing and the manual key


def test_beheer_resets_two_factor_of_someone_who_lost_phone_and_codes(client, region_site, roles, enforced):
    editor = user_in_role(Role.EINDREDACTIE, region_site.region)
    with_authenticator(editor)
    with_recovery_codes(editor, "herstel123")
    beheer = user_in_role(Role.BEHEER)
    client.force_login(beheer)
    device = with_authenticator(beheer)
    client.post("/admin/two-factor/verify/", {"token": current_code(device)})

    response = client.post("/admin/lockouts/reset-two-factor/", {"username": editor.username}, follow=True)

    assert "opnieuw in bij hun volgende login" in response.content.decode()
    editor_client = type(client)()
    sign_in(editor_client, editor.username)
    assert editor_client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


def test_an_editor_cannot_reset_anyones_two_factor(client, region_site, roles):
    editor = user_in_role(Role.EINDREDACTIE, region_site.region)
    other = user_in_role(Role.EINDREDACTIE, region_site.region)
    with_authenticator(other)
    client.force_login(editor)

    client.post("/admin/lockouts/reset-two-factor/", {"username": other.username})

    assert TOTPDevice.objects.filter(user=other).exists()


def test_a_password_alone_opens_no_draft_file_outside_the_admin_either(
    client, region_site, roles, no_throttle
):
    draft_kit = LessonKitPageFactory(parent=region_site.databank, live=False)
    document = LessonKitDownloadFactory(page=draft_kit, document=PdfDocumentFactory()).document
    editor = user_in_role(Role.EINDREDACTIE, region_site.region)
    device = with_authenticator(editor)
    sign_in(client, editor.username)

    assert client.get(document.url).status_code == 404

    client.post("/admin/two-factor/verify/", {"token": current_code(device)})
    assert client.get(document.url).status_code == 200
