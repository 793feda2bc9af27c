import datetime as dt
import itertools

import pytest
from django.core.cache import cache
from django.utils import timezone

from cms.evaluations.defaults import load_default_question_sets
from cms.evaluations.models import Question, QuestionSet
from cms.pages.models import EventPage
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.events.factories import EventRegistrationFactory
from tests.factories import EventPageFactory, TechniekhuisPageFactory

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _default_question_sets(db):
    """What the data migration loads (transactional tests elsewhere may have flushed it)."""
    load_default_question_sets(QuestionSet, Question)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def techniekhuis(region_site):
    return TechniekhuisPageFactory(parent=region_site.techniekhuizen)


def past_booking(techniekhuis, *, days_ago: int = 2, **kwargs):
    slot = TimeSlotFactory(
        offering=LessonOfferingFactory(techniekhuis=techniekhuis, title="Bouw een windmolen"),
        date=timezone.localdate() - dt.timedelta(days=days_ago),
    )
    return BookingFactory(slot=slot, **kwargs)


def past_registration(
    region_site, *, days_ago: int = 2, event_type=EventPage.EventType.MASTERCLASS, **kwargs
):
    start = timezone.now() - dt.timedelta(days=days_ago)
    event = EventPageFactory(
        parent=region_site.events,
        title=f"Masterclass micro:bit {next(_numbers)}",
        event_type=event_type,
        start=start,
        end=start + dt.timedelta(hours=2),
    )
    return EventRegistrationFactory(event=event, **kwargs)
