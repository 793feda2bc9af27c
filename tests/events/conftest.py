import uuid

import pytest
from django.core.cache import cache

from cms.events.services import RegistrationRequest, TeamRequest
from cms.snippets.models import School
from cms.snippets.services import NewSchool
from tests.factories import ChallengePageFactory, EventPageFactory


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(region_site):
    return EventPageFactory(parent=region_site.events, capacity=2)


@pytest.fixture
def challenge(region_site):
    return ChallengePageFactory(parent=region_site.challenges)


def make_registration(event, **overrides) -> RegistrationRequest:
    values = {
        "event_id": event.pk,
        "name": "Anna de Vries",
        "email": f"{uuid.uuid4().hex[:8]}@school.nl",
        "organisation": "Vmbo College Zuid",
        "role": "teacher",
        "idempotency_key": uuid.uuid4().hex,
    }
    values.update(overrides)
    return RegistrationRequest(**values)


def make_team(challenge, **overrides) -> TeamRequest:
    values = {
        "challenge_id": challenge.pk,
        "school": NewSchool(
            name="Vmbo De Brug",
            brin_code="23CD",
            postcode="3011 AB",
            city="Rotterdam",
            school_type=School.SchoolType.VMBO,
        ),
        "team_name": "De Zonnejagers",
        "pupils": 5,
        "teacher_name": "Meester Bram",
        "teacher_email": "bram@debrug.nl",
        "idempotency_key": uuid.uuid4().hex,
    }
    values.update(overrides)
    return TeamRequest(**values)
