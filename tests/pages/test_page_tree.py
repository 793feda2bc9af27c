"""Editors can only build a sensible tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.newsletters.models import NewsletterArchivePage
from cms.pages.models import (
    ChallengeIndexPage,
    ChallengePage,
    DatabankPage,
    EventIndexPage,
    EventPage,
    HomePage,
    LessonKitPage,
    NewsArticlePage,
    NewsIndexPage,
    StandardPage,
    TechniekhuisIndexPage,
    TechniekhuisPage,
)


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_holds_the_sections(self):
        # Each child type names its parents (HomePage lists none, so an app's page type joins only
        # where the app is installed); what an editor can add is exactly the sections.
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {
                StandardPage,
                NewsIndexPage,
                TechniekhuisIndexPage,
                DatabankPage,
                ChallengeIndexPage,
                EventIndexPage,
                NewsletterArchivePage,
            },
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_each_index_holds_only_its_own_items(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertAllowedSubpageTypes(TechniekhuisIndexPage, {TechniekhuisPage})
        self.assertAllowedSubpageTypes(DatabankPage, {LessonKitPage})
        self.assertAllowedSubpageTypes(ChallengeIndexPage, {ChallengePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_items_live_only_under_their_index(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(LessonKitPage, {DatabankPage})
        self.assertAllowedParentPageTypes(TechniekhuisPage, {TechniekhuisIndexPage})
        self.assertAllowedParentPageTypes(ChallengePage, {ChallengeIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})

    def test_leaf_pages_have_no_children(self):
        for model in (NewsArticlePage, LessonKitPage, ChallengePage, EventPage):
            self.assertAllowedSubpageTypes(model, set())

    def test_lesson_kit_cannot_be_created_under_home(self):
        self.assertCanNotCreateAt(HomePage, LessonKitPage)
        self.assertCanNotCreateAt(NewsIndexPage, LessonKitPage)
        self.assertCanCreateAt(DatabankPage, LessonKitPage)

    def test_standard_pages_nest_under_home_and_techniekhuis(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanCreateAt(TechniekhuisPage, StandardPage)

    def test_the_databank_is_shared_so_there_is_only_one(self):
        self.assertEqual(DatabankPage.max_count, 1)
