import pytest

from cms.editorial.roles import setup_roles


@pytest.fixture
def roles(region_site):
    """Every role group, with region groups for the test site's region."""
    return setup_roles()
