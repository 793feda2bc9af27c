"""Which regions a user covers: the one rule every app uses to scope regional personal data.

A user covers a region by being in its *region group*, named ``"<role> – <region name>"`` for
one of the regional roles; superusers and members of the all-regions role (Beheer) cover every
region. The editorial roles (``cms.editorial.roles``) create and fill these groups with these
names; apps that scope data per region (newsletter subscribers) only read them, so they need
the Region snippet, not the editorial app.
"""

from __future__ import annotations

from cms.snippets.models import Region

ALL_REGIONS_ROLE = "Beheer"
REGIONAL_ROLE_NAMES = ("Communicatie", "Eindredactie", "Projectleiders")


def regional_group_name(role: str, region: Region) -> str:
    return f"{role} – {region.name}"


def covered_region_ids(user) -> list[int] | None:
    """The regions whose (personal) data ``user`` may see; ``None`` means every region.

    Superusers and Beheer (the platform's administrators) cover all regions; a regional role
    covers the region of each region group the user is in. Anyone else (databank editors,
    coordinators) covers none.
    """
    if user.is_superuser or user.groups.filter(name=ALL_REGIONS_ROLE).exists():
        return None
    names = set(user.groups.values_list("name", flat=True))
    return [
        region.pk
        for region in Region.objects.all()
        if any(regional_group_name(role, region) in names for role in REGIONAL_ROLE_NAMES)
    ]
