"""Brute force on /admin/login/: django-axes locks per account and per address; Beheer lifts it."""

import pytest
from django.test import Client

from cms.editorial.roles import Role
from tests.accounts.factories import sign_in, user_in_role

pytestmark = pytest.mark.django_db


def fail(client, username: str, times: int, **extra):
    """Wrong passwords; Wagtail's own form says so (200) until the failure that reaches the limit (429)."""
    responses = [sign_in(client, username, "fout-wachtwoord", **extra) for _ in range(times)]
    return [response.status_code for response in responses]


def test_an_account_is_locked_after_five_failures_from_any_address(roles, region_site):
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    for number in range(5):
        fail(Client(), editor.username, 1, REMOTE_ADDR=f"10.0.0.{number + 1}")

    response = sign_in(Client(), editor.username, REMOTE_ADDR="10.0.1.1")  # right password, new address

    assert response.status_code == 429
    html = response.content.decode()
    assert "Inloggen is geblokkeerd" in html
    assert "Probeer het over 30 minuten opnieuw" in html
    assert "Vraag Beheer" in html
    assert int(response["Retry-After"]) == 30 * 60


def test_an_address_is_locked_after_five_failures_on_any_accounts(roles, region_site):
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    client = Client(REMOTE_ADDR="192.0.2.7")
    statuses = [fail(client, f"geraden{number}", 1)[0] for number in range(5)]
    assert statuses == [200, 200, 200, 200, 429]

    assert sign_in(client, editor.username).status_code == 429
    assert sign_in(Client(REMOTE_ADDR="192.0.2.8"), editor.username).status_code == 302  # other address: fine


def test_the_locked_address_is_read_from_the_configured_proxy_header(roles, region_site, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    proxy = "127.0.0.1"
    for number in range(5):
        fail(Client(REMOTE_ADDR=proxy), f"geraden{number}", 1, HTTP_X_FORWARDED_FOR="198.51.100.9")

    other_visitor = sign_in(Client(REMOTE_ADDR=proxy), editor.username, HTTP_X_FORWARDED_FOR="198.51.100.10")
    attacker = sign_in(Client(REMOTE_ADDR=proxy), editor.username, HTTP_X_FORWARDED_FOR="198.51.100.9")

    assert other_visitor.status_code == 302
    assert attacker.status_code == 429


def test_a_successful_login_before_the_limit_resets_the_count(roles, region_site):
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    assert fail(Client(), editor.username, 4) == [200] * 4
    assert sign_in(Client(), editor.username).status_code == 302
    assert fail(Client(), editor.username, 4) == [200] * 4

    assert sign_in(Client(), editor.username).status_code == 302


def test_beheer_sees_and_lifts_an_account_lockout(client, roles, region_site):
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)
    fail(Client(), editor.username, 5)
    assert sign_in(Client(), editor.username).status_code == 429
    beheer = user_in_role(Role.BEHEER)
    client.force_login(beheer)

    overview = client.get("/admin/lockouts/")
    assert overview.status_code == 200
    html = overview.content.decode()
    assert editor.username in html and "Geblokkeerd" in html

    released = client.post(
        "/admin/lockouts/release/", {"kind": "username", "value": editor.username}, follow=True
    )
    assert "inloggen werkt weer" in released.content.decode()
    assert sign_in(Client(REMOTE_ADDR="10.9.9.9"), editor.username).status_code == 302


def test_beheer_finds_lockouts_in_the_settings_menu_and_editors_do_not(client, roles, region_site):
    client.force_login(user_in_role(Role.BEHEER))
    assert "/admin/lockouts/" in client.get("/admin/").content.decode()

    client.force_login(user_in_role(Role.EINDREDACTIE, region_site.region))
    assert "/admin/lockouts/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/lockouts/").status_code in (302, 403)
    assert client.post("/admin/lockouts/release/", {"kind": "username", "value": "x"}).status_code in (
        302,
        403,
    )


def test_a_forged_address_header_is_no_server_error_and_the_account_still_counts(
    roles, region_site, settings
):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    editor = user_in_role(Role.COMMUNICATIE, region_site.region)

    statuses = fail(Client(), editor.username, 5, HTTP_X_FORWARDED_FOR="'; drop table --")

    assert statuses == [200, 200, 200, 200, 429]
