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
