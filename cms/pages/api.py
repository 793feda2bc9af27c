"""Typed list/detail endpoints per page type, next to Wagtail's generic ``/api/v3/pages/``.

Each list takes the same filters as the page type's index page (``filters.py``).
"""

from ninja import Field, Schema

from cms.api.routers import page_type_router, register_router

from . import api_examples as examples
from . import filters
from .models import ChallengePage, EventPage, LessonKitPage, NewsArticlePage, TechniekhuisPage

SLUG = {"max_length": 120}


class NewsFilters(Schema):
    tag: str | None = Field(None, description="Tag slug.", examples=["zonne-energie"], **SLUG)
    year: int | None = Field(None, ge=1900, le=2100, description="Year of the article's date.")
    region: str | None = Field(None, description="Region slug: news of that region's site.", **SLUG)


class EventFilters(Schema):
    when: filters.When | None = Field(
        None, description="`upcoming` (not ended yet, soonest first) or `past` (most recent first)."
    )
    audience: EventPage.Audience | None = None
    event_type: EventPage.EventType | None = None
    theme: str | None = Field(None, description="Theme slug.", examples=["energie"], **SLUG)
    region: str | None = Field(None, description="Region slug: events of that region's site.", **SLUG)


class TechniekhuisFilters(Schema):
    region: str | None = Field(None, description="Region slug.", examples=["techtown"], **SLUG)
    kind: TechniekhuisPage.Kind | None = None
    target_group: str | None = Field(None, description="Target group slug.", **SLUG)


class LessonKitFilters(Schema):
    region: str | None = Field(None, description="Slug of the region the kit comes from.", **SLUG)
    theme: str | None = Field(None, description="Theme slug.", **SLUG)
    target_group: str | None = Field(None, description="Target group slug.", **SLUG)
    tech_world: str | None = Field(None, description="World of technology slug.", **SLUG)


class ChallengeFilters(Schema):
    registration_open: bool | None = Field(None, description="Only challenges open (or closed) for teams.")
    target_group: str | None = Field(None, description="Target group slug.", **SLUG)


ENDPOINTS = [
    ("/news/", NewsArticlePage, ("-date",), "news", examples.NEWS_ARTICLE, NewsFilters, filters.filter_news),
    (
        "/techniekhuizen/",
        TechniekhuisPage,
        ("title",),
        "techniekhuizen",
        examples.TECHNIEKHUIS,
        TechniekhuisFilters,
        filters.filter_techniekhuizen,
    ),
    (
        "/lessonkits/",
        LessonKitPage,
        ("title",),
        "lessonkits",
        examples.LESSON_KIT,
        LessonKitFilters,
        filters.filter_lesson_kits,
    ),
    (
        "/challenges/",
        ChallengePage,
        ("registration_deadline",),
        "challenges",
        examples.CHALLENGE,
        ChallengeFilters,
        filters.filter_challenges,
    ),
    ("/events/", EventPage, ("start",), "events", examples.EVENT, EventFilters, filters.filter_events),
]


def register() -> None:
    for prefix, model, ordering, tag, example, query, apply in ENDPOINTS:
        router = page_type_router(
            model, ordering=ordering, tag=tag, example=example, filters=query, apply_filters=apply
        )
        register_router(prefix, router)
