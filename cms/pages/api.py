"""Typed list/detail endpoints per page type, next to Wagtail's generic ``/api/v3/pages/``."""

from cms.api.routers import page_type_router, register_router


def register() -> None:
    from .models import (
        ChallengePage,
        EventPage,
        LessonKitPage,
        NewsArticlePage,
        TechniekhuisPage,
    )

    endpoints = [
        ("/news/", NewsArticlePage, ("-date",), "news"),
        ("/techniekhuizen/", TechniekhuisPage, ("title",), "techniekhuizen"),
        ("/lessonkits/", LessonKitPage, ("title",), "lessonkits"),
        ("/challenges/", ChallengePage, ("registration_deadline",), "challenges"),
        ("/events/", EventPage, ("start",), "events"),
    ]
    for prefix, model, ordering, tag in endpoints:
        register_router(prefix, page_type_router(model, ordering=ordering, tag=tag))
