"""What each role can and cannot do, asserted with Wagtail's own permission API."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from cms.editorial.roles import (
    Role,
    assign_role,
    coordinated_techniekhuizen,
    grant_coordinator,
)
from cms.snippets.regions import covered_region_ids, regional_group_name

from .factories import UserFactory, user_in_role

pytestmark = pytest.mark.django_db


def perms(user, page):
    return page.permissions_for_user(user)


def can(user, page) -> dict[str, bool]:
    tester = perms(user, page)
    return {"edit": tester.can_edit(), "publish": tester.can_publish(), "add": tester.can_add_subpage()}


def test_setup_roles_creates_every_role_and_region_group(tree):
    names = set(Group.objects.values_list("name", flat=True))
    assert {str(role) for role in Role} <= names
    for region in (tree.a.region, tree.b.region):
        for role in (Role.COMMUNICATIE, Role.EINDREDACTIE, Role.PROJECTLEIDERS):
            assert regional_group_name(role, region) in names


def test_setup_roles_is_idempotent_and_removes_stray_permissions(tree):
    counts = (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count())
    communicatie_a = Group.objects.get(name=regional_group_name(Role.COMMUNICATIE, tree.a.region))
    GroupPagePermission.objects.create(group=communicatie_a, page=tree.a.home, permission_type="publish")
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)
    assert (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count()) == counts
    assert not GroupPagePermission.objects.filter(group=communicatie_a, page=tree.a.home).exists()


def test_communicatie_writes_news_and_events_of_own_region_but_cannot_publish(tree):
    user = user_in_role(Role.COMMUNICATIE, tree.a.region)
    assert can(user, tree.news_a) == {"edit": True, "publish": False, "add": False}
    assert perms(user, tree.a.news).can_add_subpage()
    assert perms(user, tree.a.events).can_add_subpage()
    assert can(user, tree.event_a)["edit"] is True
    assert can(user, tree.news_a)["publish"] is False


def test_communicatie_approves_and_publishes_techniekhuizen_of_own_region(tree):
    user = user_in_role(Role.COMMUNICATIE, tree.a.region)
    assert can(user, tree.house_a) == {"edit": True, "publish": True, "add": False}
    assert not perms(user, tree.a.techniekhuizen).can_add_subpage()
    assert can(user, tree.house_b) == {"edit": False, "publish": False, "add": False}


def test_communicatie_cannot_touch_other_region_databank_or_challenges(tree):
    user = user_in_role(Role.COMMUNICATIE, tree.a.region)
    for page in (tree.news_b, tree.b.news, tree.challenge_a, tree.house_b, tree.kit, tree.a.home):
        assert can(user, page) == {"edit": False, "publish": False, "add": False}, page


def test_eindredactie_edits_and_publishes_everything_in_own_region_only(tree):
    user = user_in_role(Role.EINDREDACTIE, tree.a.region)
    for page in (tree.news_a, tree.event_a, tree.challenge_a, tree.house_a, tree.a.home):
        assert can(user, page)["edit"] and can(user, page)["publish"], page
    for page in (tree.news_b, tree.challenge_b, tree.house_b, tree.b.home):
        assert can(user, page) == {"edit": False, "publish": False, "add": False}, page


def test_eindredactie_of_any_region_publishes_lesson_kits_in_the_shared_databank(tree):
    user = user_in_role(Role.EINDREDACTIE, tree.b.region)
    assert can(user, tree.kit)["edit"] and can(user, tree.kit)["publish"]
    assert not perms(user, tree.databank).can_add_subpage()


def test_projectleiders_write_challenges_and_events_of_own_region_without_publishing(tree):
    user = user_in_role(Role.PROJECTLEIDERS, tree.a.region)
    assert can(user, tree.challenge_a) == {"edit": True, "publish": False, "add": False}
    assert perms(user, tree.a.challenges).can_add_subpage()
    assert can(user, tree.event_a)["edit"]
    for page in (tree.challenge_b, tree.news_a, tree.house_a, tree.kit):
        assert not can(user, page)["edit"], page


def test_databank_redactie_writes_lesson_kits_but_does_not_publish_or_touch_regions(tree):
    user = user_in_role(Role.DATABANK)
    assert can(user, tree.kit) == {"edit": True, "publish": False, "add": False}
    assert perms(user, tree.databank).can_add_subpage()
    for page in (tree.news_a, tree.news_b, tree.house_a, tree.a.home):
        assert not can(user, page)["edit"], page


def test_coordinator_edits_only_own_techniekhuis_and_cannot_publish(tree):
    user = UserFactory()
    user.save()
    grant_coordinator(user, tree.house_a)
    assert can(user, tree.house_a) == {"edit": True, "publish": False, "add": True}
    for page in (tree.other_house_a, tree.house_b, tree.a.techniekhuizen, tree.news_a, tree.kit):
        assert can(user, page) == {"edit": False, "publish": False, "add": False}, page
    assert list(coordinated_techniekhuizen(user)) == [tree.house_a]


def test_beheer_can_do_everything_in_every_region(tree):
    user = user_in_role(Role.BEHEER)
    for page in (tree.news_a, tree.news_b, tree.house_b, tree.kit, tree.b.home):
        assert can(user, page)["edit"] and can(user, page)["publish"], page
    assert user.has_perm("snippets.change_region")


def test_beheer_manages_the_apps_around_the_pages_in_the_admin(tree, client):
    user = user_in_role(Role.BEHEER)
    client.force_login(user)
    for path in (
        "/admin/bookings/booking/",
        "/admin/bookings/owncontributionrule/",
        "/admin/bookings/coordinator/",
        "/admin/snippets/partners/partneroffer/",
        "/admin/snippets/search/synonym/",
        "/admin/snippets/newsletters/subscriber/",
    ):
        assert client.get(path).status_code == 200, path
    assert user.has_perm("events.change_eventregistration")


def test_databank_redactie_maintains_the_search_synonyms(tree, client):
    user = user_in_role(Role.DATABANK)
    client.force_login(user)
    assert client.get("/admin/snippets/search/synonym/").status_code == 200
    assert user.has_perm("search.add_synonym")
    assert not user.has_perm("bookings.view_booking")


def test_role_without_region_group_reaches_admin_but_edits_nothing(tree, client):
    user = UserFactory()
    user.save()
    user.groups.add(Group.objects.get(name=str(Role.COMMUNICATIE)))
    assert user.has_perm("wagtailadmin.access_admin")
    assert not can(user, tree.news_a)["edit"]
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_only_editorial_roles_reach_wagtail_admin(tree, client):
    outsider = UserFactory()
    outsider.save()
    client.force_login(outsider)
    assert client.get("/admin/").status_code == 302
    client.force_login(user_in_role(Role.COMMUNICATIE, tree.a.region))
    assert client.get(f"/admin/pages/{tree.news_a.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{tree.news_b.pk}/edit/").status_code in (302, 403)


def test_naming_a_coordinator_in_the_bookings_admin_gives_and_takes_the_page_rights(tree):
    from cms.bookings.models import Coordinator
    from cms.editorial.roles import coordinated_techniekhuizen

    user = UserFactory()
    row = Coordinator.objects.create(user=user, techniekhuis=tree.house_a)
    assert list(coordinated_techniekhuizen(user)) == [tree.house_a]
    assert can(user, tree.house_a)["edit"] and not can(user, tree.house_a)["publish"]

    row.techniekhuis = tree.house_b
    row.save()
    user = type(user).objects.get(pk=user.pk)  # permissions are cached per user object
    assert list(coordinated_techniekhuizen(user)) == [tree.house_b]
    assert not can(user, tree.house_a)["edit"]

    row.delete()
    user = type(user).objects.get(pk=user.pk)
    assert list(coordinated_techniekhuizen(user)) == []
    assert not user.groups.exists()


def test_regional_roles_cover_their_region_and_beheer_and_superusers_cover_all(tree, django_user_model):
    communicatie_a = user_in_role(Role.COMMUNICATIE, tree.a.region)
    both = user_in_role(Role.EINDREDACTIE, tree.a.region)
    assign_role(both, Role.PROJECTLEIDERS, tree.b.region)
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x")

    assert covered_region_ids(communicatie_a) == [tree.a.region.pk]
    assert sorted(covered_region_ids(both)) == sorted([tree.a.region.pk, tree.b.region.pk])
    assert covered_region_ids(user_in_role(Role.BEHEER)) is None
    assert covered_region_ids(root) is None
    assert covered_region_ids(user_in_role(Role.DATABANK)) == []
    coordinator = UserFactory()
    coordinator.save()
    grant_coordinator(coordinator, tree.house_a)
    assert covered_region_ids(coordinator) == [], "a coordinator covers a techniekhuis, not a region"
