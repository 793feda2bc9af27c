"""A known fixture set of kits, indexed, for the contract suite, the API and the page tests."""

from dataclasses import dataclass

import pytest
from wagtail.models import PageViewRestriction

from cms.pages.models import LessonKitDownload, LessonKitPage
from search import services
from search.models import Synonym
from tests.factories import (
    CoreGoalFactory,
    LessonKitPageFactory,
    PartnerFactory,
    TargetGroupFactory,
    TechWorldFactory,
    ThemeFactory,
)

from .factories import LessonKitDownloadFactory, PdfDocumentFactory


@dataclass
class Databank:
    site: object
    kits: dict[str, LessonKitPage]
    terms: dict[str, object]


def make_kit(parent, *, title, summary, groups=(), themes=(), worlds=(), goals=(), **fields) -> LessonKitPage:
    kit = LessonKitPageFactory(
        parent=parent, title=title, summary=summary, target_groups=list(groups), **fields
    )
    kit.themes.set(themes)
    kit.tech_worlds.set(worlds)
    kit.core_goals.set(goals)
    kit.save_revision().publish()
    return LessonKitPage.objects.get(pk=kit.pk)


@pytest.fixture
def databank(region_site) -> Databank:
    """Five public kits, one draft, one private, one unpublished; indexed through publishing."""
    t = {
        "po56": TargetGroupFactory(name="po groep 5/6", slug="po-groep-5-6", sort_order=3),
        "po78": TargetGroupFactory(name="po groep 7/8", slug="po-groep-7-8", sort_order=4),
        "vmbo": TargetGroupFactory(name="vmbo onderbouw", slug="vmbo-onderbouw", sort_order=5),
        "energie": ThemeFactory(name="Duurzame energie", slug="duurzame-energie"),
        "constructies": ThemeFactory(name="Constructies", slug="constructies"),
        "digitaal": ThemeFactory(name="Programmeren", slug="programmeren"),
        "bouw": TechWorldFactory(name="Bouwen en wonen", slug="bouwen-wonen"),
        "ict": TechWorldFactory(name="ICT en communicatie", slug="ict-communicatie"),
        "kd45": CoreGoalFactory(name="Ontwerpen", slug="ontwerpen", number=45),
        "kd42": CoreGoalFactory(name="Onderzoek materialen", slug="onderzoek-materialen", number=42),
        "eneco": PartnerFactory(name="Eneco Energie", slug="eneco"),
    }
    db = region_site.databank
    kits = {
        "brug": make_kit(
            db,
            title="Bruggen bouwen van papier",
            summary="Leerlingen ontwerpen een vakwerkbrug van papier en testen hoeveel knikkers hij draagt.",
            groups=[t["po56"], t["po78"]],
            themes=[t["constructies"]],
            worlds=[t["bouw"]],
            goals=[t["kd45"]],
            duration_minutes=90,
            region=region_site.region,
        ),
        "toren": make_kit(
            db,
            title="De hoogste spaghettitoren",
            summary="Teams maken een stabiele toren van spaghetti en marshmallows.",
            groups=[t["po78"]],
            themes=[t["constructies"]],
            worlds=[t["bouw"]],
            goals=[t["kd45"]],
            duration_minutes=45,
            licence="cc-by-4.0",
        ),
        "zon": make_kit(
            db,
            title="Zonne-energie meten",
            summary="Met een zonnepaneel en een multimeter meten leerlingen hoeveel stroom de zon levert.",
            groups=[t["po78"], t["vmbo"]],
            themes=[t["energie"]],
            goals=[t["kd42"]],
            duration_minutes=120,
            partner=t["eneco"],
        ),
        "microbit": make_kit(
            db,
            title="Lampjes programmeren met de micro:bit",
            summary="Leerlingen schrijven hun eerste programma en laten een lampje knipperen.",
            groups=[t["vmbo"]],
            themes=[t["digitaal"]],
            worlds=[t["ict"]],
            duration_minutes=150,
        ),
        "kompas": make_kit(
            db,
            title="Richting vinden",
            summary="Een les over het noorden en het zuiden.",
            groups=[t["po56"]],
            themes=[t["energie"]],
            duration_minutes=20,
        ),
    }
    LessonKitDownloadFactory(
        page=kits["kompas"],
        kind=LessonKitDownload.Kind.WORKSHEET,
        document=PdfDocumentFactory(
            title="Werkblad kompas", lines=("Magnetiseer een kompasnaald met een magneet.",)
        ),
    )
    LessonKitDownloadFactory(page=kits["brug"], kind=LessonKitDownload.Kind.LESSON_PLAN)
    LessonKitDownloadFactory(page=kits["brug"], kind=LessonKitDownload.Kind.WORKSHEET)
    kits["kompas"].save_revision().publish()
    kits["brug"].save_revision().publish()

    draft = LessonKitPageFactory(
        parent=db, title="Bruggen concept", summary="Een brug bouwen (concept).", live=False
    )
    draft.save_revision()
    private = make_kit(db, title="Bruggen voor leden", summary="Een geheime brug bouwen.", groups=[t["po56"]])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    gone = make_kit(db, title="Bruggen van vroeger", summary="Een oude brug bouwen.", groups=[t["po56"]])
    gone.unpublish()
    kits.update(draft=draft, private=private, gone=gone)
    return Databank(site=region_site, kits=kits, terms=t)


@pytest.fixture
def synonyms(db):
    Synonym.objects.create(terms="microbit, micro:bit, micro bit")
    Synonym.objects.create(terms="3d-printen, 3d printer")


@pytest.fixture
def rebuild():
    return services.rebuild_database_index
