"""Typed list/detail endpoints per page type, next to Wagtail's generic ``/api/v3/pages/``."""

from cms.api.routers import page_type_router, register_router

from . import api_examples as examples


def register() -> None:
    from .models import (
        ChallengePage,
        EventPage,
        LessonKitPage,
        NewsArticlePage,
        TechniekhuisPage,
    )

    endpoints = [
        ("/news/", NewsArticlePage, ("-date",), "news", examples.NEWS_ARTICLE),
        ("/techniekhuizen/", TechniekhuisPage, ("title",), "techniekhuizen", examples.TECHNIEKHUIS),
        ("/lessonkits/", LessonKitPage, ("title",), "lessonkits", examples.LESSON_KIT),
        ("/challenges/", ChallengePage, ("registration_deadline",), "challenges", examples.CHALLENGE),
        ("/events/", EventPage, ("start",), "events", examples.EVENT),
    ]
    for prefix, model, ordering, tag, example in endpoints:
        router = page_type_router(model, ordering=ordering, tag=tag, example=example)
        register_router(prefix, router)
