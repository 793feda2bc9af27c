"""Whole OAI-PMH responses with their records, validated offline against the shipped schemas."""

import copy

import pytest
from lxml import etree

from cms.oai.repository import identifier_for

from .conftest import NS

pytestmark = pytest.mark.django_db
DC = "{http://purl.org/dc/elements/1.1/}"


def fetch(client, **params) -> etree._Element:
    response = client.get("/oai/", params)
    assert response.status_code == 200
    return etree.fromstring(response.content)


def test_oai_dc_records_are_valid_dublin_core_inside_a_valid_envelope(client, kits, oai_dc_records_schema):
    tree = fetch(client, verb="ListRecords", metadataPrefix="oai_dc")
    records = tree.findall(".//oai:record/oai:metadata", NS)
    assert len(records) == 3
    oai_dc_records_schema.assertValid(tree)
    record = fetch(
        client, verb="GetRecord", identifier=identifier_for(kits["energy"].pk), metadataPrefix="oai_dc"
    )
    oai_dc_records_schema.assertValid(record)
    assert record.findtext(f".//{DC}title") == "Zonneauto bouwen"


def test_the_record_schema_rejects_what_is_not_dublin_core(client, kits, oai_dc_records_schema):
    tree = fetch(
        client, verb="GetRecord", identifier=identifier_for(kits["plain"].pk), metadataPrefix="oai_dc"
    )
    broken = copy.deepcopy(tree)
    dc = broken.find(".//{http://www.openarchives.org/OAI/2.0/oai_dc/}dc")
    etree.SubElement(dc, f"{DC}leerjaar").text = "groep 5"  # not one of the 15 elements
    assert not oai_dc_records_schema.validate(broken)
    assert oai_dc_records_schema.validate(tree)


def test_lom_records_are_valid_ims_md_inside_a_valid_envelope(client, kits, lom_records_schema):
    tree = fetch(client, verb="ListRecords", metadataPrefix="lom")
    assert len(tree.findall(".//oai:record/oai:metadata", NS)) == 3
    lom_records_schema.assertValid(tree)
    broken = copy.deepcopy(tree)
    general = broken.find(".//{http://www.imsglobal.org/xsd/imsmd_v1p2}general")
    etree.SubElement(general, "{http://www.imsglobal.org/xsd/imsmd_v1p2}leerjaar").text = "groep 5"
    assert not lom_records_schema.validate(broken)
