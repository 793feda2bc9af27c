import pytest

from cms.editorial.workflows import setup_workflows
from tests.factories import (
    ChallengePageFactory,
    EventPageFactory,
    LessonKitPageFactory,
    NewsArticlePageFactory,
    RegionSite,
    TechniekhuisPageFactory,
)


class Tree:
    """Two regions (A has the shared databank), with one page of each type, and workflows set up."""

    def __init__(self, a: RegionSite, b: RegionSite):
        self.a, self.b = a, b
        self.news_a = NewsArticlePageFactory(parent=a.news)
        self.news_b = NewsArticlePageFactory(parent=b.news)
        self.event_a = EventPageFactory(parent=a.events)
        self.challenge_a = ChallengePageFactory(parent=a.challenges)
        self.challenge_b = ChallengePageFactory(parent=b.challenges)
        self.house_a = TechniekhuisPageFactory(parent=a.techniekhuizen)
        self.other_house_a = TechniekhuisPageFactory(parent=a.techniekhuizen)
        self.house_b = TechniekhuisPageFactory(parent=b.techniekhuizen)
        self.databank = a.databank
        self.kit = LessonKitPageFactory(parent=self.databank)
        self.workflows = setup_workflows()


@pytest.fixture
def tree(region_site) -> Tree:
    other = RegionSite(hostname="regio-b.example.org", is_default=False)
    return Tree(region_site, other)
