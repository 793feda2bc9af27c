"""Roles for the demo accounts that ``seed_demo`` creates (only when demo accounts are enabled)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from .roles import REGIONAL_ROLES, Role, regional_group_name

# username -> role; regional roles get every region so the demo shows all sites.
DEMO_ROLES: dict[str, Role] = {
    "redacteur": Role.COMMUNICATIE,
    "eindredacteur": Role.EINDREDACTIE,
    "databankredacteur": Role.DATABANK,
}
DATABANK_DEMO_ACCOUNT = {
    "username": "databankredacteur",
    "password": "databank-demo-2026",
    "email": "databank@example.nl",
    "first_name": "Demo",
    "last_name": "Databankredacteur",
}


@transaction.atomic
def assign_demo_roles() -> list[dict]:
    """Put the demo editors in the editorial groups (replacing Wagtail's broad default groups).

    Returns the extra accounts created here, in seed_demo's ``(username, password, role)`` shape.
    """
    from cms.snippets.models import Region

    user_model = get_user_model()
    extra = []
    user, _ = user_model.objects.update_or_create(
        username=DATABANK_DEMO_ACCOUNT["username"],
        defaults={k: v for k, v in DATABANK_DEMO_ACCOUNT.items() if k not in ("username", "password")},
    )
    if not user.check_password(DATABANK_DEMO_ACCOUNT["password"]):
        user.set_password(DATABANK_DEMO_ACCOUNT["password"])
        user.save(update_fields=["password"])
    extra.append(
        {"username": user.username, "password": DATABANK_DEMO_ACCOUNT["password"], "role": str(Role.DATABANK)}
    )

    regions = list(Region.objects.filter(site__isnull=False))
    for username, role in DEMO_ROLES.items():
        user = user_model.objects.filter(username=username).first()
        if user is None:
            continue
        names = [str(role)]
        if role in REGIONAL_ROLES:
            names += [regional_group_name(role, region) for region in regions]
        user.groups.set(Group.objects.filter(name__in=names))
    return extra
