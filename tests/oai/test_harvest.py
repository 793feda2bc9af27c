"""A real harvester (oaipmh-scythe, a maintained fork of Sickle) over HTTP, through every token."""

import pytest
from oaipmh_scythe import Scythe

from cms.oai.repository import identifier_for

from .conftest import publish_kit


@pytest.mark.django_db(transaction=True)
def test_harvester_gets_every_record_through_resumption_tokens(live_server, region_site):
    kits = [publish_kit(region_site.databank) for _ in range(210)]
    gone = kits.pop()
    gone.unpublish()
    with Scythe(f"{live_server.url}/oai/") as scythe:
        records = list(scythe.list_records(metadata_prefix="lom", ignore_deleted=False))
    harvested = {r.header.identifier: r.header.deleted for r in records}
    assert len(records) == 210
    assert harvested[identifier_for(gone.pk)] is True
    assert all(harvested[identifier_for(k.pk)] is False for k in kits)
