import shutil

import pytest
from django.db import connection
from wagtail.models import Page, Site

from tests.factories import RegionSite


def pytest_collection_modifyitems(config, items):
    """Skip tests that need a service this run does not have, and say why."""
    import os

    for item in items:
        if "postgres" in item.keywords and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://..."))
        if "elasticsearch" in item.keywords and not os.environ.get("ELASTICSEARCH_URL"):
            item.add_marker(pytest.mark.skip(reason="needs Elasticsearch: set ELASTICSEARCH_URL"))
        if "e2e" in item.keywords and not shutil.which("chromium"):
            item.add_marker(pytest.mark.skip(reason="needs Debian's chromium (apt-get install chromium)"))


@pytest.fixture
def region_site(db) -> RegionSite:
    """A clean tree: Wagtail's welcome page and default site replaced by one region site."""
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    return RegionSite()


@pytest.fixture
def is_postgres() -> bool:
    return connection.vendor == "postgresql"
