"""Example answers of the menukaart and map APIs, shown in the OpenAPI document."""

OFFER = {
    "id": 31,
    "title": "Gastles: werken in de haven",
    "description": "Een havenmedewerker vertelt over zijn werk en neemt echte meetinstrumenten mee.",
    "kind": "guest_lesson",
    "kind_label": "gastles",
    "place": "school",
    "place_label": "op school",
    "period": "dinsdagmiddag, oktober tot maart",
    "max_pupils": 30,
    "cost": "0.00",
    "is_free": True,
    "insurance_needed": False,
    "partner": {
        "id": 12,
        "name": "Havenbedrijf Rotterdam",
        "slug": "havenbedrijf-rotterdam",
        "partner_type": "company",
        "city": "Rotterdam",
        "website": "https://www.portofrotterdam.com",
        "region": {"id": 1, "name": "TechTown", "slug": "techtown"},
        "latitude": "51.905000",
        "longitude": "4.466000",
    },
    "target_groups": [{"id": 9, "name": "vmbo bovenbouw", "slug": "vmbo-bovenbouw"}],
    "themes": [{"id": 2, "name": "Energie", "slug": "energie"}],
}

OFFERS = {"items": [OFFER], "count": 1}

FEATURES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": "techniekhuis-12",
            "geometry": {"type": "Point", "coordinates": [4.895168, 52.370216]},
            "properties": {
                "type": "techniekhuis",
                "id": 12,
                "name": "Techniekhuis Noord",
                "kind": "building",
                "city": "TechTown",
                "region": "TechTown",
                "url": "https://www.techtown.nl/techniekhuizen/techniekhuis-noord/",
            },
        },
        {
            "type": "Feature",
            "id": "partner-12",
            "geometry": {"type": "Point", "coordinates": [4.466, 51.905]},
            "properties": {
                "type": "partner",
                "id": 12,
                "name": "Havenbedrijf Rotterdam",
                "partner_type": "company",
                "city": "Rotterdam",
                "region": "TechTown",
                "website": "https://www.portofrotterdam.com",
                "offers": [
                    {
                        "id": 31,
                        "title": "Gastles: werken in de haven",
                        "kind": "guest_lesson",
                        "kind_label": "gastles",
                        "place": "school",
                        "place_label": "op school",
                        "cost": "0.00",
                        "max_pupils": 30,
                    }
                ],
            },
        },
    ],
}
