"""The OAI-PMH endpoint as a harvester sees it: every verb, every error, deleted records."""

import datetime as dt

import pytest
from django.core import signing
from lxml import etree
from wagtail.models import PageViewRestriction

from cms.oai.models import KitRecordChange
from cms.oai.repository import identifier_for

from .conftest import NS, publish_kit

pytestmark = pytest.mark.django_db


def oai(client, schema=None, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    tree = etree.fromstring(response.content)
    if schema is not None:
        # The metadata inside a record is checked by its own schema below; the envelope here.
        envelope = etree.fromstring(response.content)
        for metadata in envelope.iterfind(".//oai:metadata", NS):
            metadata.getparent().remove(metadata)
        schema.assertValid(envelope)
    return tree


def error_code(tree) -> str | None:
    error = tree.find("oai:error", NS)
    return error.get("code") if error is not None else None


def identifiers(tree) -> dict[str, str | None]:
    return {
        h.findtext("oai:identifier", namespaces=NS): h.get("status")
        for h in tree.iterfind(".//oai:header", NS)
    }


def test_identify_declares_persistent_deleted_records(client, kits, oai_schema):
    tree = oai(client, oai_schema, verb="Identify")
    assert tree.findtext(".//oai:deletedRecord", namespaces=NS) == "persistent"
    assert tree.findtext(".//oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"


def test_list_metadata_formats_offers_oai_dc_and_lom(client, kits, oai_schema):
    tree = oai(client, oai_schema, verb="ListMetadataFormats")
    prefixes = {e.text for e in tree.iterfind(".//oai:metadataPrefix", NS)}
    assert prefixes == {"oai_dc", "lom"}


def test_list_sets_has_a_set_per_region_and_theme(client, kits, region_site, oai_schema):
    tree = oai(client, oai_schema, verb="ListSets")
    specs = {e.text for e in tree.iterfind(".//oai:setSpec", NS)}
    assert {"region", "theme", "theme:energie", f"region:{region_site.region.slug}"} <= specs


def test_get_record_in_nl_lom(client, kits, oai_schema):
    kit = kits["energy"]
    tree = oai(client, oai_schema, verb="GetRecord", identifier=identifier_for(kit.pk), metadataPrefix="lom")
    lom = tree.find(".//lom:lom", NS)
    assert lom.findtext("lom:general/lom:title/lom:langstring", namespaces=NS) == "Zonneauto bouwen"
    assert lom.findtext("lom:general/lom:language", namespaces=NS) == "nl"
    contexts = [e.text for e in lom.iterfind("lom:educational/lom:context/lom:value/lom:langstring", NS)]
    assert contexts == ["PO", "SBaO"]
    roles = [
        e.text for e in lom.iterfind("lom:educational/lom:intendedenduserrole/lom:value/lom:langstring", NS)
    ]
    assert roles == ["teacher", "learner"]
    assert lom.findtext("lom:educational/lom:typicallearningtime/lom:datetime", namespaces=NS) == "PT1H"
    rights = lom.find("lom:rights", NS)
    assert (
        rights.findtext("lom:copyrightandotherrestrictions/lom:value/lom:langstring", namespaces=NS)
        == "cc-by-40"
    )
    assert rights.findtext("lom:description/lom:langstring", namespaces=NS).startswith(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    locations = [e.text for e in lom.iterfind("lom:technical/lom:location", NS)]
    assert locations[0].endswith(kit.url)
    taxon = lom.find("lom:classification/lom:taxonpath/lom:taxon", NS)
    assert taxon.findtext("lom:id", namespaces=NS) == "45"
    assert "Juf Ans" in lom.findtext("lom:lifecycle/lom:contribute/lom:centity/lom:vcard", namespaces=NS)


def test_get_record_in_oai_dc(client, kits, oai_schema):
    tree = oai(
        client,
        oai_schema,
        verb="GetRecord",
        identifier=identifier_for(kits["plain"].pk),
        metadataPrefix="oai_dc",
    )
    assert tree.findtext(".//{http://purl.org/dc/elements/1.1/}title") == "Magneten"


def test_drafts_and_private_kits_never_appear(client, kits, region_site):
    draft = publish_kit(region_site.databank, title="Concept")
    draft.unpublish()
    KitRecordChange.objects.all().delete()  # as if it had never been public
    never_public = KitRecordChange.objects.filter(page_id=draft.pk)
    assert not never_public.exists()
    listed = identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="lom"))
    assert identifier_for(draft.pk) not in listed
    assert len(listed) == 3


def test_unpublished_kit_is_listed_as_deleted(client, kits, oai_schema):
    kit = kits["energy"]
    kit.unpublish()
    tree = oai(client, oai_schema, verb="ListRecords", metadataPrefix="lom")
    assert identifiers(tree)[identifier_for(kit.pk)] == "deleted"
    # persistent: it still answers in its old set
    in_set = identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="lom", set="theme:energie"))
    assert in_set == {identifier_for(kit.pk): "deleted"}


def test_deleted_kit_is_listed_as_deleted(client, kits):
    pk = kits["regional"].pk
    kits["regional"].delete()
    listed = identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc"))
    assert listed[identifier_for(pk)] == "deleted"
    record = oai(client, verb="GetRecord", identifier=identifier_for(pk), metadataPrefix="lom")
    assert record.find(".//oai:header", NS).get("status") == "deleted"


def test_private_kit_is_deleted_and_comes_back_when_public_again(client, kits):
    kit = kits["plain"]
    restriction = PageViewRestriction.objects.create(page=kit, restriction_type="login")
    assert (
        identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="lom"))[identifier_for(kit.pk)]
        == "deleted"
    )
    restriction.delete()
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    listed = identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="lom", **{"from": now[:10]}))
    assert listed == {identifier_for(kit.pk): None} or listed[identifier_for(kit.pk)] is None


def test_from_until_select_by_datestamp(client, kits):
    assert (
        error_code(oai(client, verb="ListIdentifiers", metadataPrefix="lom", until="2001-01-01"))
        == "noRecordsMatch"
    )
    today = dt.date.today().isoformat()
    assert (
        len(
            identifiers(
                oai(
                    client,
                    verb="ListIdentifiers",
                    metadataPrefix="lom",
                    **{"from": "2001-01-01", "until": today},
                )
            )
        )
        == 3
    )


def test_set_selects_by_theme_and_region(client, kits, region_site):
    assert set(
        identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="lom", set="theme:energie"))
    ) == {identifier_for(kits["energy"].pk)}
    region = f"region:{region_site.region.slug}"
    assert set(identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="lom", set=region))) == {
        identifier_for(kits["regional"].pk)
    }


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "lom", "from": "gisteren"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "lom",
                "from": "2026-01-01",
                "until": "2026-01-01T00:00:00Z",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "GetRecord", "metadataPrefix": "lom", "identifier": "oai:elders:kit:1"}, "idDoesNotExist"),
        (
            {"verb": "GetRecord", "metadataPrefix": "lom", "identifier": "oai:localhost:kit:999999"},
            "idDoesNotExist",
        ),
        ({"verb": "ListRecords", "resumptionToken": "bogus"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "lom", "set": "theme:bestaat-niet"}, "noRecordsMatch"),
    ],
)
def test_bad_requests_answer_with_oai_error_codes(client, kits, oai_schema, params, code):
    assert error_code(oai(client, oai_schema, **params)) == code


def test_tampered_resumption_token_is_refused(client, region_site, oai_schema):
    for _ in range(101):
        publish_kit(region_site.databank)
    first = oai(client, oai_schema, verb="ListIdentifiers", metadataPrefix="lom")
    token = first.find(".//oai:resumptionToken", NS)
    assert token.get("completeListSize") == "101"
    payload = signing.loads(token.text, salt="cms.oai.resumption")
    payload[4] = 0  # restart from the beginning
    forged = signing.dumps(payload, salt="wrong-salt", compress=True)
    assert error_code(oai(client, verb="ListIdentifiers", resumptionToken=forged)) == "badResumptionToken"
    second = oai(client, oai_schema, verb="ListIdentifiers", resumptionToken=token.text)
    assert len(identifiers(second)) == 1
    assert second.find(".//oai:resumptionToken", NS).text is None
