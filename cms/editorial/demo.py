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


@transaction.atomic
def assign_demo_roles() -> None:
    """Put the demo editors in the editorial groups (never Wagtail's broad default groups)."""
    from cms.snippets.models import Region

    regions = list(Region.objects.filter(site__isnull=False))
    for user in get_user_model().objects.filter(username__in=DEMO_ROLES):
        role = DEMO_ROLES[user.username]
        names = [str(role)]
        if role in REGIONAL_ROLES:
            names += [regional_group_name(role, region) for region in regions]
        user.groups.set(Group.objects.filter(name__in=names))
