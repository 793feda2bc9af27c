import os
from pathlib import Path

import pytest
from lxml import etree

from cms.pages.models import LessonKitPage
from tests.factories import CoreGoalFactory, LessonKitPageFactory, TargetGroupFactory, ThemeFactory

XSD_DIR = Path(__file__).parent / "xsd"
NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "lom": "http://www.imsglobal.org/xsd/imsmd_v1p2"}


@pytest.fixture(scope="session")
def oai_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "OAI-PMH.xsd")))


class LocalSchemas(etree.Resolver):
    """Offline validation: schema locations on the web resolve to the copies in ``xsd/``."""

    LOCAL = {"http://www.w3.org/2001/03/xml.xsd": "xml.xsd", "http://www.w3.org/2001/xml.xsd": "xml.xsd"}

    def resolve(self, url, pubid, context):
        if url in self.LOCAL:
            return self.resolve_filename(str(XSD_DIR / self.LOCAL[url]), context)
        if url.startswith(("http://", "https://")):
            raise AssertionError(f"schema {url} is not shipped in tests/oai/xsd")
        return None


# The OAI-PMH envelope with oai_dc records inside: <metadata> holds any element of another
# namespace, processed strictly, so the Dublin Core record is validated too.
RECORDS_DRIVER = b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="OAI-PMH.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/" schemaLocation="oai_dc.xsd"/>
</xs:schema>"""


@pytest.fixture(scope="session")
def oai_dc_records_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalSchemas())
    driver = etree.fromstring(RECORDS_DRIVER, parser, base_url=str(XSD_DIR / "driver.xsd"))
    return etree.XMLSchema(driver)


# IMS MD 1.2.4 (the binding NL-LOM uses) may only be redistributed after registering with IMS, so it
# is not shipped: point IMSMD_XSD at a copy (xsd/README.md says where one is) to validate lom records.
IMSMD_XSD = os.environ.get("IMSMD_XSD", "")


@pytest.fixture(scope="session")
def lom_records_schema() -> etree.XMLSchema:
    if not Path(IMSMD_XSD).is_file():
        pytest.skip(
            "IMSMD_XSD is not set to a copy of imsmd_v1p2p4.xsd: lom records are checked field by field only"
        )
    driver = RECORDS_DRIVER.replace(
        b"</xs:schema>",
        b'  <xs:import namespace="http://www.imsglobal.org/xsd/imsmd_v1p2" schemaLocation="'
        + Path(IMSMD_XSD).resolve().as_uri().encode()
        + b'"/>\n</xs:schema>',
    )
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.fromstring(driver, parser, base_url=str(XSD_DIR / "driver.xsd")))


def publish_kit(parent, *, themes=(), goals=(), groups=None, **fields) -> LessonKitPage:
    kit = LessonKitPageFactory(
        parent=parent, target_groups=groups or [TargetGroupFactory(level="po")], **fields
    )
    kit.themes.set(themes)
    kit.core_goals.set(goals)
    kit.save_revision().publish()
    return LessonKitPage.objects.get(pk=kit.pk)


@pytest.fixture
def kits(region_site):
    """Three published kits: one with a theme and a core goal, one in the region, one plain."""
    energy = ThemeFactory(name="Energie", slug="energie")
    goal = CoreGoalFactory(number=45, name="Technische oplossingen")
    databank = region_site.databank
    return {
        "energy": publish_kit(
            databank,
            title="Zonneauto bouwen",
            themes=[energy],
            goals=[goal],
            licence="cc-by-4.0",
            author="Juf Ans",
        ),
        "regional": publish_kit(databank, title="Bruggen van papier", region=region_site.region),
        "plain": publish_kit(
            databank,
            title="Magneten",
            groups=[TargetGroupFactory(level="vso")],
            licence="all-rights-reserved",
        ),
    }
