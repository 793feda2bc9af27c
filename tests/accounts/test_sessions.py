"""Editors' sessions end after inactivity, and a password change ends the account's other sessions."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from cms.accounts.middleware import LAST_ACTIVITY_SESSION_KEY
from cms.editorial.roles import Role
from tests.accounts.factories import PASSWORD, sign_in, user_in_role

pytestmark = pytest.mark.django_db


def stored_session(client) -> Session:
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


def idle_for(client, seconds: int) -> None:
    """As if the session's last request was ``seconds`` ago."""
    session = client.session
    session[LAST_ACTIVITY_SESSION_KEY] -= seconds
    session.save()


@pytest.fixture
def editor(roles, region_site, settings):
    settings.ADMIN_SESSION_IDLE_TIMEOUT = 15 * 60
    return user_in_role(Role.COMMUNICATIE, region_site.region)


def test_an_editor_idle_longer_than_the_timeout_is_signed_out_with_a_dutch_message(client, editor):
    sign_in(client, editor.username)
    assert client.get("/admin/").status_code == 200
    idle_for(client, 16 * 60)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    login_page = client.get(response["Location"])
    assert "U bent uitgelogd na een periode zonder activiteit" in login_page.content.decode()


def test_working_within_the_timeout_keeps_the_editor_signed_in(client, editor):
    sign_in(client, editor.username)
    for _ in range(3):  # three times 14 idle minutes: each request starts the count again
        idle_for(client, 14 * 60)
        assert client.get("/admin/").status_code == 200


def test_a_visitors_session_is_not_touched(client, region_site, settings):
    settings.ADMIN_SESSION_IDLE_TIMEOUT = 15 * 60
    session = client.session
    session["something"] = "kept"
    session.save()

    client.get("/")

    assert LAST_ACTIVITY_SESSION_KEY not in client.session
    assert stored_session(client).expire_date - timezone.now() > dt.timedelta(days=13)


def account_form(user, **changes) -> dict:
    """Every panel of Wagtail's account page as the browser posts it, with ``changes``."""
    data = {
        "name_email-first_name": user.first_name,
        "name_email-last_name": user.last_name,
        "name_email-email": user.email,
        "locale-preferred_language": "nl",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    data.update(changes)
    return data


def test_changing_the_password_on_the_account_page_signs_out_the_other_sessions(roles, region_site):
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    laptop, phone = Client(), Client()
    sign_in(laptop, editor.username)
    sign_in(phone, editor.username)
    assert phone.get("/admin/").status_code == 200

    response = laptop.post(
        "/admin/account/",
        account_form(
            editor,
            **{
                "password-old_password": PASSWORD,
                "password-new_password1": "een-nieuw-lang-wachtwoord-42",
                "password-new_password2": "een-nieuw-lang-wachtwoord-42",
            },
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    editor.refresh_from_db()
    assert editor.check_password("een-nieuw-lang-wachtwoord-42")
    assert laptop.get("/admin/").status_code == 200  # the session that changed it stays
    signed_out = phone.get("/admin/")
    assert signed_out.status_code == 302
    assert signed_out["Location"].startswith("/admin/login/")


def test_public_responses_stay_cacheable_for_anonymous_visitors(client, region_site):
    response = client.get("/api/v3/pages/")

    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
