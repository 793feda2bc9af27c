"""Accounts with a second factor, and codes computed the way an authenticator app does."""

from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.editorial.factories import UserFactory, user_in_role  # noqa: F401 - re-exported for these tests

PASSWORD = "geheim-wachtwoord"  # noqa: S105 - what tests.editorial.factories.UserFactory sets


def sign_in(client, username: str, password: str = PASSWORD, **extra):
    """Wagtail's own login form, as a browser posts it."""
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def current_code(device: TOTPDevice, offset_steps: int = 0) -> str:
    """The code the phone shows now (RFC 6238), from the device's key."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset_steps)
    return f"{code:0{device.digits}d}"


def with_authenticator(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Telefoon", confirmed=True)


def with_recovery_codes(user, *codes: str) -> StaticDevice:
    device = StaticDevice.objects.create(user=user, name="Herstelcodes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)
    return device
