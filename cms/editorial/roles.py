"""Editorial roles as Django groups with exactly the permissions each role needs.

Design (kept deliberately simple so each rule is one assertion in a test):

* Six *role groups* carry what is the same in every region: admin access, snippet and
  collection permissions, and page permissions on shared parts of the tree (the databank).
* Regional roles (Communicatie, Eindredactie, Projectleiders) also get one *region group* per
  region, e.g. "Communicatie – TechTown", holding only page permissions on that region's
  subtree. A regional editor is a member of both; :func:`assign_role` does that. Without the
  region group they can reach the admin but edit nothing, so one region's staff can never
  edit another region's site.
* Techniekhuis coordinators get one group per techniekhuis ("Techniekhuis – <title> (#id)")
  with page permissions on that page's subtree only (:func:`grant_coordinator`).

``setup_roles`` reconciles: running it again removes permissions that are no longer wanted
from the groups it manages, and adds region groups for new regions.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from cms.pages.models import (
    ChallengeIndexPage,
    DatabankPage,
    EventIndexPage,
    HomePage,
    NewsIndexPage,
    TechniekhuisIndexPage,
    TechniekhuisPage,
)
from cms.snippets.regions import ALL_REGIONS_ROLE, REGIONAL_ROLE_NAMES, regional_group_name


class Role(StrEnum):
    BEHEER = ALL_REGIONS_ROLE
    COMMUNICATIE = "Communicatie"
    EINDREDACTIE = "Eindredactie"
    DATABANK = "Databank-redactie"
    PROJECTLEIDERS = "Projectleiders"
    COORDINATOREN = "Techniekhuis-coördinatoren"


# Region groups are named and read by cms.snippets.regions (covered_region_ids), below every app.
REGIONAL_ROLES = tuple(Role(name) for name in REGIONAL_ROLE_NAMES)

ALL_PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")

_IMAGE_DOC_EDIT = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
# "add" lets a user edit only what they uploaded themselves; "change" covers everyone's files.
_IMAGE_DOC_OWN = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
# Editors' picks for a search query (Wagtail's "Promoted search results").
_SEARCH_PROMOTIONS = tuple(
    f"wagtailsearchpromotions.{a}_searchpromotion" for a in ("add", "change", "delete", "view")
)
_TAXONOMIES = ("theme", "techworld", "targetgroup", "coregoal")

# Model permissions per role: "app_label.codename". Apps that may not be installed are optional.
MODEL_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.BEHEER: (
        "wagtailadmin.access_admin",
        *(
            f"snippets.{a}_{m}"
            for m in (*_TAXONOMIES, "region", "school", "partner")
            for a in ("add", "change", "delete", "view")
        ),
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailcore.view_site",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_user",
        "editorial.view_contribution",
        "editorial.change_contribution",
        "search_insight.view_searchlog",
        *_SEARCH_PROMOTIONS,
    ),
    Role.COMMUNICATIE: (
        "wagtailadmin.access_admin",
        "snippets.add_partner",
        "snippets.change_partner",
        "snippets.view_partner",
    ),
    Role.EINDREDACTIE: (
        "wagtailadmin.access_admin",
        "snippets.add_partner",
        "snippets.change_partner",
        "snippets.view_partner",
    ),
    Role.DATABANK: (
        "wagtailadmin.access_admin",
        *(f"snippets.{a}_{m}" for m in (*_TAXONOMIES, "partner") for a in ("add", "change", "view")),
        *(f"search.{a}_synonym" for a in ("add", "change", "delete", "view")),
        "search_insight.view_searchlog",
        *_SEARCH_PROMOTIONS,
        "editorial.view_contribution",
        "editorial.change_contribution",
    ),
    Role.PROJECTLEIDERS: (
        "wagtailadmin.access_admin",
        "snippets.add_partner",
        "snippets.change_partner",
        "snippets.view_partner",
        "snippets.add_school",
        "snippets.change_school",
        "snippets.view_school",
    ),
    Role.COORDINATOREN: ("wagtailadmin.access_admin",),
}
# Whole optional apps whose models a role manages (e.g. newsletter subscribers).
OPTIONAL_APP_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.BEHEER: ("bookings", "events", "partners", "newsletters", "search", "outbox", "milestones"),
    Role.COMMUNICATIE: ("newsletters",),
    Role.PROJECTLEIDERS: ("milestones",),
}

COLLECTION_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.BEHEER: (*_IMAGE_DOC_EDIT, "wagtailimages.delete_image", "wagtaildocs.delete_document"),
    Role.COMMUNICATIE: _IMAGE_DOC_OWN,
    Role.EINDREDACTIE: _IMAGE_DOC_EDIT,
    Role.DATABANK: _IMAGE_DOC_EDIT,
    Role.PROJECTLEIDERS: _IMAGE_DOC_OWN,
    Role.COORDINATOREN: _IMAGE_DOC_OWN,
}


COORDINATOR_GROUP_PREFIX = "Techniekhuis – "


def coordinator_group_name(page: Page) -> str:
    return f"{COORDINATOR_GROUP_PREFIX}{page.title}"[:140] + f" (#{page.pk})"


def _permissions(names: Iterable[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = [
        p
        for p in Permission.objects.filter(codename__in={codename for _, codename in wanted}).select_related(
            "content_type"
        )
        if (p.content_type.app_label, p.codename) in wanted
    ]
    return found


def _app_permissions(app_label: str) -> list[Permission]:
    try:
        apps.get_app_config(app_label)
    except LookupError:
        return []
    return list(
        Permission.objects.filter(content_type__app_label=app_label).exclude(codename__startswith="delete_")
    )


def _page_permission(action: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def set_page_permissions(group: Group, grants: Iterable[tuple[Page, Iterable[str]]]) -> None:
    """Make ``group``'s page permissions exactly ``grants`` (pairs of page and actions)."""
    wanted: set[tuple[int, int]] = set()
    for page, actions in grants:
        for action in actions:
            permission = _page_permission(action)
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
            wanted.add((page.pk, permission.pk))
    for gpp in GroupPagePermission.objects.filter(group=group):
        if (gpp.page_id, gpp.permission_id) not in wanted:
            gpp.delete()


def _set_collection_permissions(group: Group, collection: Collection, names: Iterable[str]) -> None:
    permissions = _permissions(names)
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission__in=permissions
    ).delete()


def _region_homes():

    return HomePage.objects.filter(region__isnull=False).select_related("region")


def _children_of_type(home: Page, model) -> list[Page]:
    return list(model.objects.child_of(home))


def _newsletter_parents(home: Page) -> list[Page]:
    """Pages under ``home`` that can hold newsletters, if the newsletters app has a page type."""
    try:
        newsletter_model = apps.get_model("newsletters", "NewsletterPage")
    except LookupError:
        return []
    parent_models = [m for m in newsletter_model.allowed_parent_page_models() if m is not Page]
    found: list[Page] = []
    for model in parent_models:
        if model._meta.label == "pages.HomePage":
            continue  # never hand Communicatie the whole region tree
        found.extend(model.objects.descendant_of(home))
    return found


def regional_page_grants(role: Role, home: Page) -> list[tuple[Page, tuple[str, ...]]]:
    """The page permissions a regional role has in the region whose site root is ``home``."""

    if role == Role.EINDREDACTIE:
        return [(home, ("add", "change", "publish", "lock", "unlock"))]
    if role == Role.COMMUNICATIE:
        pages = [
            *_children_of_type(home, NewsIndexPage),
            *_children_of_type(home, EventIndexPage),
            *_newsletter_parents(home),
        ]
        grants = [(page, ("add", "change")) for page in pages]
        # Communications approves techniekhuis pages; approving a final step publishes.
        grants += [(page, ("change", "publish")) for page in _children_of_type(home, TechniekhuisIndexPage)]
        return grants
    if role == Role.PROJECTLEIDERS:
        pages = [*_children_of_type(home, ChallengeIndexPage), *_children_of_type(home, EventIndexPage)]
        return [(page, ("add", "change")) for page in pages]
    return []


def _global_page_grants(role: Role) -> list[tuple[Page, tuple[str, ...]]]:

    if role == Role.BEHEER:
        return [(Page.get_first_root_node(), ALL_PAGE_ACTIONS)]
    if role == Role.DATABANK:
        return [(page, ("add", "change", "lock")) for page in DatabankPage.objects.all()]
    if role == Role.EINDREDACTIE:
        # The databank is shared by all regions: any final editor approves and publishes kits.
        return [(page, ("change", "publish", "lock", "unlock")) for page in DatabankPage.objects.all()]
    return []


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Create or update every role and region group (idempotent). Returns the groups by name."""
    groups: dict[str, Group] = {}
    root_collection = Collection.get_first_root_node()
    for role in Role:
        group, _ = Group.objects.get_or_create(name=str(role))
        names = list(MODEL_PERMISSIONS[role])
        permissions = _permissions(names)
        for app_label in OPTIONAL_APP_PERMISSIONS.get(role, ()):
            permissions += _app_permissions(app_label)
        group.permissions.set(permissions)
        set_page_permissions(group, _global_page_grants(role))
        _set_collection_permissions(group, root_collection, COLLECTION_PERMISSIONS[role])
        groups[group.name] = group
    for home in _region_homes():
        for role in REGIONAL_ROLES:
            group, _ = Group.objects.get_or_create(name=regional_group_name(role, home.region))
            group.permissions.clear()
            set_page_permissions(group, regional_page_grants(role, home))
            groups[group.name] = group

    contributions_collection()
    return groups


def assign_role(user, role: Role, region=None) -> None:
    """Put ``user`` in a role group and, for regional roles, in that region's group."""
    user.groups.add(Group.objects.get(name=str(role)))
    if role in REGIONAL_ROLES:
        if region is None:
            raise ValueError(f"{role} is a regional role: pass the region")
        user.groups.add(Group.objects.get(name=regional_group_name(role, region)))


@transaction.atomic
def revoke_coordinator(user, techniekhuis_page: Page) -> None:
    """Undo :func:`grant_coordinator` for one techniekhuis (the role group goes with the last one)."""
    user.groups.remove(*Group.objects.filter(name=coordinator_group_name(techniekhuis_page)))
    if not user.groups.filter(name__startswith=COORDINATOR_GROUP_PREFIX).exists():
        user.groups.remove(*Group.objects.filter(name=str(Role.COORDINATOREN)))


def grant_coordinator(user, techniekhuis_page: Page) -> Group:
    """Let ``user`` edit (not publish) ``techniekhuis_page`` and its subpages, and nothing else."""
    group, _ = Group.objects.get_or_create(name=coordinator_group_name(techniekhuis_page))
    set_page_permissions(group, [(techniekhuis_page, ("add", "change"))])
    user.groups.add(group, Group.objects.get_or_create(name=str(Role.COORDINATOREN))[0])
    return group


def coordinated_techniekhuizen(user):
    """Techniekhuis pages ``user`` may edit: for apps (bookings) that scope coordinator data."""

    if user.is_superuser:
        return TechniekhuisPage.objects.all()
    roots = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    ).values_list("page__path", flat=True)
    ids = [
        pk
        for path in roots
        for pk in TechniekhuisPage.objects.filter(path__startswith=path).values_list("pk", flat=True)
    ]
    return TechniekhuisPage.objects.filter(pk__in=ids)


# Contributed files wait in a private collection that only reviewers may open: a permission
# setup like the groups above (setup_roles makes it), which contributions.py files into.
CONTRIBUTIONS_COLLECTION = "Bijdragen"
REVIEWER_ROLES = (Role.BEHEER, Role.DATABANK, Role.EINDREDACTIE)


def contributions_collection() -> Collection:
    """The private collection for contributed files: only reviewer groups may download them."""
    collection = Collection.objects.filter(name=CONTRIBUTIONS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=CONTRIBUTIONS_COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    groups = [Group.objects.get_or_create(name=str(role))[0] for role in REVIEWER_ROLES]
    restriction.groups.set(groups)
    return collection
