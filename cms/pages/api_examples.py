"""Example answers of the typed page endpoints, shown in the OpenAPI document.

Trimmed to the fields a front end uses most; ``tests/api/test_examples.py`` checks them against the
live schemas.
"""

SITE = "https://www.techtown.nl"


def _meta(page_type: str, page_id: int, path: str) -> dict:
    return {
        "type": f"pages.{page_type}",
        "detail_url": f"{SITE}/api/v3/pages/{page_id}/",
        "html_url": f"{SITE}{path}",
        "slug": path.rstrip("/").rsplit("/", 1)[-1],
        "locale": "nl",
        "first_published_at": "2026-10-05T09:30:00+02:00",
    }


def _term(term_id: int, name: str, slug: str) -> dict:
    return {"id": term_id, "name": name, "slug": slug}


TECHTOWN = _term(1, "TechTown", "techtown")

NEWS_ARTICLE = {
    "meta": _meta("NewsArticlePage", 41, "/nieuws/zonneboten-op-de-vijver/"),
    "id": 41,
    "title": "Zonneboten op de vijver",
    "date": "2026-10-05",
    "intro": "Groep 7 van De Regenboog bouwde zonneboten en liet ze varen in het park.",
    "body": [
        {
            "type": "paragraph",
            "value": "<p>Met zonnecellen, een motortje en veel geduld.</p>",
            "id": "8c7f0a4e-1d2b-4c55-9f10-3a1c2b4d5e6f",
        }
    ],
    "tags": ["zonne-energie", "basisonderwijs"],
    "related_pages": [],
}

TECHNIEKHUIS = {
    "meta": _meta("TechniekhuisPage", 12, "/techniekhuizen/techniekhuis-noord/"),
    "id": 12,
    "title": "Techniekhuis Noord",
    "kind": "building",
    "intro": "Een werkplaats vol gereedschap waar basisschoolklassen zelf bouwen en programmeren.",
    "street": "Werkplaatsstraat 4",
    "postcode": "1234 AB",
    "city": "TechTown",
    "latitude": "52.370216",
    "longitude": "4.895168",
    "email": "noord@techtown.nl",
    "region": TECHTOWN,
    "target_groups": [_term(5, "po groep 7/8", "po-groep-7-8")],
    "lesson_kits": [_term(88, "Bruggen bouwen van papier", "bruggen-bouwen-van-papier")],
    "photos": [],
}

LESSON_KIT = {
    "meta": _meta("LessonKitPage", 88, "/databank/bruggen-bouwen-van-papier/"),
    "id": 88,
    "title": "Bruggen bouwen van papier",
    "summary": "Leerlingen ontwerpen en testen een brug van papier die zoveel mogelijk gewicht draagt.",
    "duration_minutes": 90,
    "preparation_minutes": 15,
    "group_size_min": 2,
    "group_size_max": 4,
    "licence": "cc-by-sa-4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/deed.nl",
    "zip_url": "/databank/kit/88/zip/",
    "target_groups": [_term(4, "po groep 5/6", "po-groep-5-6")],
    "themes": [_term(2, "Constructies", "constructies")],
    "tech_worlds": [_term(3, "Bouwen en wonen", "bouwen-en-wonen")],
    "core_goals": [],
    "materials": [
        {
            "type": "material",
            "value": {"name": "A4-papier", "quantity": "20 vel per groepje", "consumable": True},
            "id": "0b6f2c1e-8a8d-4e0c-bf4e-2a9d8c7b6a51",
        }
    ],
    "steps": [],
    "videos": [],
    "downloads": [
        {
            "meta": {"type": "pages.LessonKitDownload"},
            "id": 301,
            "kind": "lesson_plan",
            "display_title": "Lesplan",
            "download_url": "/databank/download/301/",
            "file_extension": "pdf",
            "file_size": 24310,
        }
    ],
    "partner": None,
    "region": TECHTOWN,
    "tags": ["bruggen"],
}

CHALLENGE = {
    "meta": _meta("ChallengePage", 55, "/challenges/young-solar-challenge-2027/"),
    "id": 55,
    "title": "Young Solar Challenge 2027",
    "intro": "Bouw met je team een auto op zonne-energie en race tegen andere scholen.",
    "registration_deadline": "2027-02-01T23:59:00+01:00",
    "registration_open": True,
    "target_groups": [_term(7, "vmbo onderbouw", "vmbo-onderbouw")],
    "phases": [
        {
            "type": "phase",
            "value": {
                "name": "Bouwen op school",
                "start_date": "2027-02-15",
                "end_date": "2027-05-15",
                "description": "",
            },
            "id": "5d1e9a0c-7b2f-4d3e-9c8a-1f2e3d4c5b6a",
        }
    ],
    "partners": [_term(9, "Techniek College TechTown", "techniek-college-techtown")],
    "prizes": [],
}

EVENT = {
    "meta": _meta("EventPage", 70, "/agenda/leernetwerk-techniek-in-de-klas/"),
    "id": 70,
    "title": "Leernetwerk: techniek in de klas",
    "event_type": "learning_network",
    "audience": "teachers",
    "intro": "Leerkrachten delen hun beste technieklessen en proberen elkaars materiaal uit.",
    "start": "2027-03-10T15:30:00+01:00",
    "end": "2027-03-10T17:30:00+01:00",
    "location_name": "Techniekhuis Noord",
    "city": "TechTown",
    "capacity": 30,
    "organiser": "STO TechTown",
    "themes": [_term(2, "Constructies", "constructies")],
}
