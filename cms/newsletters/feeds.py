"""RSS and Atom feeds of the news of the site (region) the request is for."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from cms.pages.models import NewsArticlePage
from cms.pages.services import site_root_url


def feed_size() -> int:

    return getattr(settings, "NEWS_FEED_SIZE", 20)


class NewsRssFeed(Feed):
    description = _("The latest news.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def title(self, site):
        name = site.site_name if site and site.site_name else ""
        return _("News – %(site)s") % {"site": name} if name else _("News")

    def link(self, site):
        return site_root_url(site) + "/" if site else "/"

    def items(self, site):
        articles = NewsArticlePage.objects.live().public()
        if site is not None:
            articles = articles.descendant_of(site.root_page)
        return articles.prefetch_related("tags").order_by("-date", "-pk")[: feed_size()]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
