from .base import BasePage, IndexPage
from .challenge import ChallengeIndexPage, ChallengePage
from .databank import DatabankPage
from .event import EventIndexPage, EventOccurrence, EventPage
from .home import HomePage, StandardPage
from .lessonkit import LessonKitDownload, LessonKitPage, LessonKitTag
from .news import NewsArticlePage, NewsArticleTag, NewsIndexPage, NewsRelatedPage
from .techniekhuis import TechniekhuisIndexPage, TechniekhuisPage, TechniekhuisPhoto

__all__ = [
    "BasePage",
    "ChallengeIndexPage",
    "ChallengePage",
    "DatabankPage",
    "EventIndexPage",
    "EventOccurrence",
    "EventPage",
    "HomePage",
    "IndexPage",
    "LessonKitDownload",
    "LessonKitPage",
    "LessonKitTag",
    "NewsArticlePage",
    "NewsArticleTag",
    "NewsIndexPage",
    "NewsRelatedPage",
    "StandardPage",
    "TechniekhuisIndexPage",
    "TechniekhuisPage",
    "TechniekhuisPhoto",
]
