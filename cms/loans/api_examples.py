"""Example requests and answers of the loans API, shown in the OpenAPI document."""

from cms.api.examples import problem_example

AVAILABILITY = {
    "id": 7,
    "title": "Uitleenkist Elektriciteit groep 5/6",
    "lesson_kit_id": 112,
    "min_weeks": 1,
    "max_weeks": 3,
    "lead_time_days": 3,
    "buffer_days": 2,
    "fee": "0.00",
    "pickup_points": [
        {
            "id": 2,
            "name": "Techniekhuis Noord",
            "address": "Werkplaatsstraat 4, 9711 AB Groningen",
            "opening_hours": "ma-vr 9.00-16.00",
            "weeks": [
                {"monday": "2027-03-15", "free": 2, "total": 3, "open": True},
                {"monday": "2027-03-22", "free": 0, "total": 3, "open": True},
            ],
        }
    ],
}

RESERVE_REQUEST = {
    "item": 7,
    "pickup_point": 2,
    "start_week": "2027-03-15",
    "weeks": 2,
    "school_id": 8,
    "contact_name": "Anna de Vries",
    "email": "a.devries@obs-deregenboog.nl",
    "phone": "0201234567",
    "privacy_consent": True,
    "waitlist": True,
    "idempotency_key": "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
}

RESERVATION = {
    "id": 311,
    "item": 7,
    "inventory_number": "EL-56-02",
    "pickup_point": "Techniekhuis Noord",
    "school": "OBS De Regenboog",
    "status": "confirmed",
    "pickup_date": "2027-03-15",
    "return_date": "2027-03-26",
    "amount_owed": "0.00",
    "voucher": True,
    "waiting_list": False,
}

WAITING = {**RESERVATION, "id": None, "inventory_number": None, "status": "waiting", "waiting_list": True}

UNAVAILABLE = problem_example(
    409,
    "Er is in deze periode geen exemplaar vrij. Je kunt je aanmelden voor de wachtlijst.",
    code="unavailable",
    field="start_week",
    waitlist_available=True,
)

EXAMPLE_LINK = "eyJyIjozMTEsImsiOiIzZjFjOWEyZTViN2QifQ:1vQh2x:Xb3k9n0Yt1pQ2rS3uV4wX5yZ6aB7cD8eF9g"
CANCEL_REQUEST = {"token": EXAMPLE_LINK}
CANCELLED = {**RESERVATION, "status": "cancelled"}
CHANGE_REQUEST = {"token": EXAMPLE_LINK, "start_week": "2027-03-22", "weeks": 1}
CHANGED = {**RESERVATION, "pickup_date": "2027-03-22", "return_date": "2027-03-26", "changed": ["period"]}
