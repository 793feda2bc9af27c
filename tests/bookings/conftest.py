import uuid

import pytest
from django.core.cache import cache

from cms.bookings.services import BookingRequest
from cms.snippets.services import NewSchool


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def make_request(slot, **overrides) -> BookingRequest:
    values = {
        "slot_id": slot.pk,
        "school": NewSchool(
            name="OBS De Regenboog",
            brin_code="12AB",
            postcode="3011 AB",
            street="Schoolstraat 1",
            city="Rotterdam",
        ),
        "contact_name": "Juf Anna",
        "email": "anna@regenboog.nl",
        "group": 6,
        "pupils": 24,
        "privacy_consent": True,
        "idempotency_key": uuid.uuid4().hex,
    }
    values.update(overrides)
    return BookingRequest(**values)


@pytest.fixture
def wagtail_root(transactional_db):
    """Transactional tests flush the tables: put back the locale and root page migrations create."""
    from django.conf import settings
    from wagtail.models import Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.get_first_root_node():
        Page.add_root(title="Root", locale=locale)
