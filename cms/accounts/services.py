"""Rules of admin account security: who needs a second factor, setting one up, and login lockouts.

Views and middleware only call these; the rules live here once.
"""

from __future__ import annotations

from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

import segno
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Max, Sum
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission

#: Apps whose models hold personal data (contact details of teachers, subscribers, editors).
#: Anyone who may view or change one of their models must use a second factor.
PERSONAL_DATA_APPS = frozenset({"auth", "bookings", "events", "newsletters", "editorial", "outbox"})

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"


def two_factor_enforced() -> bool:
    """Production enforces two-factor authentication; the demo leaves it optional."""
    return bool(getattr(settings, "TWO_FACTOR_REQUIRED", True))


def requires_two_factor(user: AbstractBaseUser) -> bool:
    """True for accounts that can publish pages or manage personal data (and for superusers).

    ``TWO_FACTOR_REQUIRED_GROUPS`` names groups whose access to personal data does not show in
    their permissions (techniekhuis coordinators see their bookings through a link, not a permission).
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if user.groups.filter(name__in=getattr(settings, "TWO_FACTOR_REQUIRED_GROUPS", ())).exists():
        return True
    if GroupPagePermission.objects.filter(group__user=user, permission__codename="publish_page").exists():
        return True
    return any(perm.split(".", 1)[0] in PERSONAL_DATA_APPS for perm in user.get_all_permissions())


def must_verify(user: AbstractBaseUser) -> bool:
    """An account with a confirmed device is always asked for its code, enforced or not."""
    return any(True for _ in devices_for_user(user, confirmed=True))


def must_set_up(user: AbstractBaseUser) -> bool:
    return two_factor_enforced() and requires_two_factor(user) and not must_verify(user)


def pending_totp_device(user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed authenticator this user is setting up (one, kept across page loads)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// URI of ``device`` as inline SVG markup (server-side, no script)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", omitsize=True
    )


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32 in groups of four, for apps that cannot scan the QR code."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def confirm_totp_device(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` when ``token`` is its current code; returns fresh recovery codes, or None."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    return new_recovery_codes(device.user)


def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Replace the user's recovery codes with new single-use ones; returned once, to show once."""
    static, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def reset_two_factor(user: AbstractBaseUser) -> int:
    """Remove every device (lost phone and codes); the next login asks to set up again when required."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return removed


def may_reset_two_factor(actor: AbstractBaseUser, user: AbstractBaseUser) -> bool:
    """Whoever manages accounts may reset someone's devices; only a superuser resets a superuser's."""
    return actor.has_perm("auth.change_user") and (actor.is_superuser or not user.is_superuser)


def remaining_recovery_codes(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify_second_factor(user: AbstractBaseUser, token: str):
    """The confirmed device (authenticator or recovery codes) that accepts ``token``, or None.

    Each device throttles its own failures (django-otp), so guessing slows down exponentially.
    """
    token = "".join(token.split())
    for device in devices_for_user(user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(token):
            return device
    return None


def seconds_until_next_try(user: AbstractBaseUser) -> int:
    """0 when a code can be tried now; else the seconds until the least throttled device allows one."""
    waits = []
    for device in devices_for_user(user, confirmed=True):
        allowed, details = device.verify_is_allowed()
        if allowed:
            return 0
        locked_until = (details or {}).get("locked_until")
        waits.append(max(1, int((locked_until - timezone.now()).total_seconds()) + 1) if locked_until else 1)
    return min(waits, default=0)


@dataclass(frozen=True)
class Lockout:
    """Failed logins counted for one account or one client address."""

    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_attempt: datetime


def lockouts() -> list[Lockout]:
    """Accounts and addresses with failed logins counted now, locked ones (most failures) first."""
    attempts = AccessAttempt.objects.all()
    cool_off = get_cool_off()
    if cool_off is not None:  # the same window axes counts in
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    result = []
    for kind in ("username", "ip_address"):
        rows = (
            attempts.exclude(**{f"{kind}__isnull": True})
            .exclude(**{kind: ""})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        )
        result += [Lockout(kind, row[kind], row["failures"], row["last"]) for row in rows]
    return sorted(result, key=lambda lockout: (-lockout.failures, lockout.value))


def is_locked(lockout: Lockout) -> bool:
    return lockout.failures >= settings.AXES_FAILURE_LIMIT


def release(kind: str, value: str) -> int:
    """Clear the failed logins of one account or address, ending its lockout; returns the records removed."""
    if kind == "username":
        return axes_reset(username=value)
    if kind == "ip_address":
        return axes_reset(ip=value)
    raise ValueError(kind)
