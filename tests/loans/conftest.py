import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale, Page

from cms.loans.services import LoanRequest
from cms.snippets.services import NewSchool

from .factories import next_monday


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def make_request(copy, **overrides) -> LoanRequest:
    values = {
        "item_id": copy.item_id,
        "pickup_point_id": copy.pickup_point_id,
        "start_week": next_monday(),
        "weeks": 1,
        "school": NewSchool(
            name="OBS De Regenboog",
            brin_code="12AB",
            postcode="3011 AB",
            street="Schoolstraat 1",
            city="Rotterdam",
        ),
        "contact_name": "Juf Anna",
        "email": "anna@regenboog.nl",
        "privacy_consent": True,
        "idempotency_key": uuid.uuid4().hex,
    }
    values.update(overrides)
    return LoanRequest(**values)


@pytest.fixture
def wagtail_root(transactional_db):
    """Transactional tests flush the tables: put back the locale and root page migrations create."""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.get_first_root_node():
        Page.add_root(title="Root", locale=locale)
