"""Example requests and answers of the event and challenge registration APIs (OpenAPI document)."""

from cms.api.examples import problem_example

REGISTRATION_REQUEST = {
    "name": "Sanne Bakker",
    "email": "s.bakker@csg-techtown.nl",
    "organisation": "CSG TechTown",
    "role": "teacher",
    "privacy_consent": True,
    "idempotency_key": "9b2d7c1a-4e3f-4a5b-8c6d-7e8f9a0b1c2d",
}

REGISTRATION = {
    "id": 512,
    "event": 70,
    "status": "confirmed",
    "role": "teacher",
    "created_at": "2026-12-02T10:15:00+01:00",
}

FULL = "Deze bijeenkomst is vol. Je kunt je aanmelden voor de wachtlijst."
EVENT_FULL = problem_example(409, FULL, code="full", field="event", waitlist_available=True)

CANCEL_REQUEST = {"token": "NTEy:1vQh2x:Xb3k9n0Yt1pQ2rS3uV4wX5yZ6aB7cD8eF9gH0iJ1kL2"}

CANCELLED = {**REGISTRATION, "status": "cancelled"}

TEAM_REQUEST = {
    "school_id": 14,
    "team_name": "De Zonnestralen",
    "pupils": 4,
    "teacher_name": "Mehmet Yilmaz",
    "teacher_email": "m.yilmaz@vmbo-techtown.nl",
    "privacy_consent": True,
}

TEAM = {
    "id": 88,
    "challenge": 55,
    "school": "Vmbo TechTown College",
    "team_name": "De Zonnestralen",
    "pupils": 4,
    "status": "registered",
    "created_at": "2026-12-02T10:15:00+01:00",
}
