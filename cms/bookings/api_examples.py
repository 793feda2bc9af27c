"""Example requests and answers of the bookings API, shown in the OpenAPI document."""

from cms.api.examples import problem_example

SLOT = {
    "id": 311,
    "date": "2027-03-16",
    "start": "09:00:00",
    "end": "11:00:00",
    "booking_deadline": "2027-03-09T09:00:00+01:00",
    "capacity_classes": 2,
    "capacity_pupils": None,
    "classes_left": 1,
    "pupils_left": None,
    "is_full": False,
}

OFFERINGS = {
    "items": [
        {
            "id": 21,
            "title": "Programmeren met de micro:bit",
            "description": "Een ochtend lang bouwen en programmeren de leerlingen hun eigen lichtkrant.",
            "techniekhuis_id": 12,
            "techniekhuis": "Techniekhuis Noord",
            "location_kind": "techniekhuis",
            "location": "Techniekhuis Noord, Werkplaatsstraat 4, TechTown",
            "duration_minutes": 120,
            "max_pupils_per_class": 30,
            "price": "150.00",
            "target_groups": [{"id": 5, "name": "po groep 7/8"}],
            "groups": [7, 8],
            "themes": [{"id": 3, "name": "Digitalisering"}],
            "slots": [SLOT],
        }
    ],
    "count": 1,
}

BOOKING_REQUEST = {
    "slot": 311,
    "school_id": 8,
    "contact_name": "Anna de Vries",
    "email": "a.devries@obs-deregenboog.nl",
    "phone": "0201234567",
    "group": 7,
    "pupils": 27,
    "notes": "Twee leerlingen in een rolstoel.",
    "privacy_consent": True,
    "idempotency_key": "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
}

BOOKING = {
    "id": 1042,
    "slot": 311,
    "school": "OBS De Regenboog",
    "status": "requested",
    "group": 7,
    "pupils": 27,
    "amount_owed": "15.00",
    "created_at": "2026-12-02T10:15:00+01:00",
}

FULL = "Dit tijdslot is vol. Je kunt je aanmelden voor de wachtlijst."
SLOT_FULL = problem_example(409, FULL, code="full", field="slot", waitlist_available=True)

CANCEL_REQUEST = {"token": "MTA0Mg:1vQh2x:Xb3k9n0Yt1pQ2rS3uV4wX5yZ6aB7cD8eF9gH0iJ1kL2"}

CANCELLED = {**BOOKING, "status": "cancelled"}

CHANGE_REQUEST = {"token": CANCEL_REQUEST["token"], "pupils": 25, "slot": 312}

CHANGED = {**BOOKING, "slot": 312, "pupils": 25, "changed": ["slot", "pupils"]}
