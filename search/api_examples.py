"""Example answers of the databank search API, shown in the OpenAPI document."""

HIT = {
    "id": 88,
    "title": "Bruggen bouwen van papier",
    "url": "https://www.techtown.nl/databank/bruggen-bouwen-van-papier/",
    "summary": "Leerlingen ontwerpen en testen een brug van papier die zoveel mogelijk gewicht draagt.",
    "published_at": "2026-10-05T09:30:00+02:00",
    "duration_minutes": 90,
    "download_count": 214,
    "score": 7.42,
    "facets": {
        "target_group": [{"value": "po-groep-5-6", "label": "po groep 5/6"}],
        "theme": [{"value": "constructies", "label": "Constructies"}],
        "duration": [{"value": "60-120", "label": "60-120 min"}],
    },
    "highlights": {
        "title": "Bruggen <mark>bouwen</mark> van papier",
        "summary": "Leerlingen ontwerpen en testen een brug van papier die zoveel mogelijk gewicht draagt.",
    },
}

SEARCH = {
    "total": 1,
    "page": 1,
    "page_size": 20,
    "num_pages": 1,
    "sort": "relevance",
    "backend": "database",
    "did_you_mean": None,
    "corrected": False,
    "results": [HIT],
    "facets": [
        {
            "key": "target_group",
            "label": "Doelgroep",
            "values": [
                {"value": "po-groep-5-6", "label": "po groep 5/6", "count": 1, "selected": True},
                {"value": "po-groep-7-8", "label": "po groep 7/8", "count": 3, "selected": False},
            ],
        },
        {
            "key": "theme",
            "label": "Thema",
            "values": [{"value": "constructies", "label": "Constructies", "count": 1, "selected": False}],
        },
    ],
}

SUGGESTIONS = [
    {
        "id": 93,
        "title": "Zonne-energie meten",
        "url": "https://www.techtown.nl/databank/zonne-energie-meten/",
    },
    {"id": 94, "title": "Zonneboten bouwen", "url": "https://www.techtown.nl/databank/zonneboten-bouwen/"},
]

SIMILAR = [
    {
        "id": 91,
        "title": "De hoogste spaghettitoren",
        "url": "https://www.techtown.nl/databank/de-hoogste-spaghettitoren/",
        "summary": "Teams maken een stabiele toren van spaghetti en marshmallows.",
        "duration_minutes": 45,
        "facets": {
            "target_group": [{"value": "po-groep-7-8", "label": "po groep 7/8"}],
            "theme": [{"value": "constructies", "label": "Constructies"}],
        },
    },
    {
        "id": 97,
        "title": "Bouw een grijphand",
        "url": "https://www.techtown.nl/databank/bouw-een-grijphand/",
        "summary": "Leerlingen bouwen een grijphand van karton, rietjes en touw.",
        "duration_minutes": 90,
        "facets": {"theme": [{"value": "constructies", "label": "Constructies"}]},
    },
]
