import pytest
from django.contrib.auth.models import Group

from cms.editorial.demo import assign_demo_roles
from cms.editorial.roles import Role
from cms.snippets.regions import regional_group_name

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_editors_get_editorial_roles_instead_of_wagtail_defaults(tree):
    redacteur = UserFactory(username="redacteur")
    redacteur.save()
    redacteur.groups.add(Group.objects.get_or_create(name="Editors")[0])
    eindredacteur = UserFactory(username="eindredacteur")
    eindredacteur.save()
    reviewer = UserFactory(username="databankredacteur")
    reviewer.save()

    roles = {
        "redacteur": Role.COMMUNICATIE,
        "eindredacteur": Role.EINDREDACTIE,
        "databankredacteur": Role.DATABANK,
    }
    assign_demo_roles(roles)
    assign_demo_roles(roles)  # idempotent

    names = set(redacteur.groups.values_list("name", flat=True))
    assert names == {
        "Communicatie",
        regional_group_name(Role.COMMUNICATIE, tree.a.region),
        regional_group_name(Role.COMMUNICATIE, tree.b.region),
    }
    assert eindredacteur.groups.filter(name=regional_group_name(Role.EINDREDACTIE, tree.a.region)).exists()
    assert list(Group.objects.get(name=str(Role.DATABANK)).user_set.all()) == [reviewer]
    assert tree.kit.permissions_for_user(reviewer).can_edit()
    assert not tree.news_a.permissions_for_user(redacteur).can_publish()
