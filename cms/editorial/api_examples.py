"""Example requests and answers of the contribution and preview APIs, shown in the OpenAPI document."""

CONTRIBUTION_REQUEST = {
    "title": "Een windmolen van karton",
    "description": "Leerlingen bouwen een windmolen en meten hoeveel stroom hij opwekt.",
    "target_groups": [5],
    "themes": [2],
    "duration_minutes": 90,
    "files": ["lesplan-windmolen.pdf"],
    "contributor_name": "Pieter Jansen",
    "contributor_email": "p.jansen@obs-dewindroos.nl",
    "licence_consent": True,
}

CONTRIBUTION = {
    "id": 17,
    "status": "submitted",
    "message": "Bedankt! Onze redactie beoordeelt je lesmateriaal.",
}

PREVIEW = {
    "id": 41,
    "type": "pages.NewsArticlePage",
    "title": "Zonneboten op de vijver",
    "revision_id": 230,
    "content": {
        "title": "Zonneboten op de vijver",
        "intro": "Groep 7 van De Regenboog bouwde zonneboten en liet ze varen in het park.",
        "date": "2026-10-05",
    },
}
