"""Generated demo PDFs (lesson plan, teacher manual, worksheet) stored as Wagtail documents.

The PDFs contain real Dutch text about the kit so full-text search over documents has something to find.
Documents are keyed on their title, so running the seed again never re-creates files.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

STYLES = getSampleStyleSheet()


def _para(text: str, style: str = "BodyText") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def _bullets(items: list[str]) -> ListFlowable:
    return ListFlowable(
        [ListItem(_para(item), leftIndent=12) for item in items], bulletType="bullet", start="•"
    )


def render_pdf(title: str, sections: list[tuple[str, list[str] | str]], author: str = "") -> bytes:
    """Render a simple A4 PDF: a title, then sections of paragraphs (str) or bullet lists (list)."""
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author or "Sterk Techniekonderwijs",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        invariant=True,
    )
    story = [_para(title, "Title")]
    for heading, content in sections:
        story.append(_para(heading, "Heading2"))
        if isinstance(content, list):
            story.append(_bullets(content))
        else:
            for paragraph in content.split("\n\n"):
                story.append(_para(paragraph))
        story.append(Spacer(1, 0.3 * cm))
    doc.build(story)
    return buffer.getvalue()


def _steps(kit: dict) -> list[str]:
    return [f"{step['title']} ({step['minutes']} min): {step['text']}" for step in kit["steps"]]


def _materials(kit: dict) -> list[str]:
    return [
        f"{item['name']} – {item['quantity']}" + (" (verbruiksmateriaal)" if item["consumable"] else "")
        for item in kit["materials"]
    ]


def lesson_plan_sections(kit: dict) -> list[tuple[str, list[str] | str]]:
    return [
        ("Samenvatting", kit["summary"]),
        ("Leerdoelen", kit["goals"]),
        (
            "Praktisch",
            f"Duur: {kit['duration']} minuten. Voorbereiding: {kit['preparation']} minuten. "
            f"Groepsgrootte: {kit['group']['min']} tot {kit['group']['max']} leerlingen.",
        ),
        ("Lesverloop", _steps(kit)),
        ("Benodigdheden", _materials(kit)),
    ]


def teacher_manual_sections(kit: dict) -> list[tuple[str, list[str] | str]]:
    consumables = [item["name"] for item in kit["materials"] if item["consumable"]]
    return [
        ("Achtergrond voor de docent", kit["background"]),
        (
            "Voorbereiding",
            f"Reken op ongeveer {kit['preparation']} minuten voorbereiding. Zet de materialen per "
            "groepje klaar en probeer de opdracht vooraf zelf één keer uit. "
            + (
                "Vul vooraf het verbruiksmateriaal aan: " + ", ".join(consumables) + "."
                if consumables
                else "Deze les gebruikt geen verbruiksmateriaal."
            ),
        ),
        ("Tips voor de begeleiding", kit["tips"]),
        ("Lesverloop in het kort", _steps(kit)),
        (
            "Veiligheid en afronding",
            "Bespreek vooraf de veiligheidsafspraken en laat leerlingen na afloop samen opruimen. "
            "Sluit af met een korte reflectie: wat werkte, wat zou je de volgende keer anders doen?",
        ),
    ]


def worksheet_sections(kit: dict) -> list[tuple[str, list[str] | str]]:
    return [
        ("Naam en groepje", "Naam: ______________________   Groepje: ______   Datum: __________"),
        ("Opdracht", kit["summary"]),
        ("Vragen", kit["worksheet"]),
        (
            "Terugblik",
            "Wat heb je vandaag geleerd? Wat vond je het moeilijkst? Teken of schrijf je antwoord hieronder.",
        ),
    ]


def get_or_create_document(title: str, filename: str, render):
    """Return the Wagtail document with this title; ``render()`` produces the PDF bytes the first time."""
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).order_by("pk").first()
    if existing:
        return existing
    data = render()
    document = document_model(title=title, file_size=len(data), file_hash=hash_filelike(BytesIO(data)))
    document.file.save(f"{filename}.pdf", ContentFile(data), save=False)
    document.save()
    return document
