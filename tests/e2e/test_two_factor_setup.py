"""In a real browser: an editor who must use two-step verification sets it up from the key on the page."""

import base64
import os
from pathlib import Path

import pytest
from django_otp.oath import totp

from cms.editorial.roles import Role, setup_roles
from tests.editorial.factories import user_in_role
from tests.factories import RegionSite

PASSWORD = "geheim-wachtwoord"  # noqa: S105 - the factories' test password
SCREENS = Path(os.environ.get("SCREENSHOT_DIR", "var/screens"))


def code_for(manual_key: str) -> str:
    """What an authenticator app shows for the key typed in by hand (RFC 6238, 30 s, 6 digits)."""
    key = manual_key.replace(" ", "")
    key += "=" * (-len(key) % 8)
    return f"{totp(base64.b32decode(key)):06d}"


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1366])
def test_editor_sets_up_two_step_verification_and_reaches_the_admin(live_server, page, settings, width):
    from wagtail.models import Page, Site

    settings.TWO_FACTOR_REQUIRED = True
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    region = RegionSite()
    setup_roles()
    user_in_role(Role.EINDREDACTIE, region.region, username="eindredactie")
    base = live_server.url
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "eindredactie")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/two-factor/setup/**")
    assert page.locator(".accounts-qr-code svg").is_visible()
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"two-factor-setup-{width}.png", full_page=True)

    page.fill("#id_token", code_for(page.locator("code").first.inner_text()))
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/two-factor/recovery-codes/**")
    assert page.locator(".accounts-recovery-codes li").count() == 10
    page.screenshot(path=SCREENS / f"two-factor-codes-{width}.png", full_page=True)

    page.get_by_text("Ik heb ze bewaard").click()
    page.wait_for_url(f"{base}/admin/")
    assert page.locator("#main").is_visible()
