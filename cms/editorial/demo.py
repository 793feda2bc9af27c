"""Roles for the demo accounts that ``seed_demo`` creates (only when demo accounts are enabled).

Which account gets which role is demo data (``cms/demo/data/accounts.yaml``); this module only knows
how a role becomes group memberships.
"""

from collections.abc import Mapping

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from cms.snippets.models import Region
from cms.snippets.regions import regional_group_name

from .roles import REGIONAL_ROLES, Role


@transaction.atomic
def assign_demo_roles(roles: Mapping[str, Role]) -> None:
    """Put the demo editors (username -> role) in the editorial groups, never in Wagtail's broad
    default groups; regional roles get every region so the demo shows all sites."""
    regions = list(Region.objects.filter(site__isnull=False))
    for user in get_user_model().objects.filter(username__in=roles):
        role = roles[user.username]
        names = [str(role)]
        if role in REGIONAL_ROLES:
            names += [regional_group_name(role, region) for region in regions]
        user.groups.set(Group.objects.filter(name__in=names))
