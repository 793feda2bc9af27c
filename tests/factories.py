"""Factories for the domain: snippets first, then a site with the page tree, then leaf pages."""

import datetime as dt
import functools
import io
import zipfile

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from cms.pages import models as pages
from cms.snippets import models as snippets


class TermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        abstract = True


class ThemeFactory(TermFactory):
    class Meta:
        model = snippets.Theme


class TechWorldFactory(TermFactory):
    class Meta:
        model = snippets.TechWorld


class TargetGroupFactory(TermFactory):
    level = snippets.TargetGroup.Level.PO

    class Meta:
        model = snippets.TargetGroup


class CoreGoalFactory(TermFactory):
    number = factory.Sequence(lambda n: 40 + n)

    class Meta:
        model = snippets.CoreGoal


class RegionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = snippets.Region


class SchoolFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Basisschool De Klimop {n}")
    brin_code = factory.Sequence(lambda n: f"{10 + n % 90:02d}{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    school_type = snippets.School.SchoolType.PO
    postcode = "3011 AB"
    city = "Rotterdam"

    class Meta:
        model = snippets.School


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Technisch Bedrijf {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    partner_type = snippets.Partner.PartnerType.COMPANY

    class Meta:
        model = snippets.Partner


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Regio {n}")

    class Meta:
        model = pages.HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")

    class Meta:
        model = pages.StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nieuws"

    class Meta:
        model = pages.NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    intro = "Leerlingen bouwden deze week een zonneauto."
    date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = pages.NewsArticlePage


class TechniekhuisIndexPageFactory(wagtail_factories.PageFactory):
    title = "Techniekhuizen"

    class Meta:
        model = pages.TechniekhuisIndexPage


class TechniekhuisPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Techniekhuis {n}")
    intro = "Praktijklessen techniek voor groep 5 tot en met 8."
    street = "Zuidplein 1"
    postcode = "3083 CW"
    city = "Rotterdam"

    class Meta:
        model = pages.TechniekhuisPage


class DatabankPageFactory(wagtail_factories.PageFactory):
    title = "Databank"

    class Meta:
        model = pages.DatabankPage


class LessonKitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Leskist {n}")
    summary = "Leerlingen ontwerpen en bouwen een brug van papier."
    learning_goals = "<ul><li>Leerlingen kennen de ontwerpcyclus.</li></ul>"
    duration_minutes = 60
    preparation_minutes = 15

    class Meta:
        model = pages.LessonKitPage
        skip_postgeneration_save = True

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        self.target_groups.set(extracted or [TargetGroupFactory()])
        if create:
            self.save()


class ChallengeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Challenges"

    class Meta:
        model = pages.ChallengeIndexPage


class ChallengePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Challenge {n}")
    intro = "Bouw de snelste zonneauto."
    registration_deadline = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))

    class Meta:
        model = pages.ChallengePage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"

    class Meta:
        model = pages.EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Leernetwerk {n}")
    intro = "Bijeenkomst voor decanen en mentoren."
    event_type = pages.EventPage.EventType.LEARNING_NETWORK
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))
    location_name = "Techniekhuis op Zuid"

    class Meta:
        model = pages.EventPage


def ensure_wagtail_base_rows() -> Page:
    """Put back what Wagtail's migrations create (locale, root page, root collection).

    Transactional tests (browser tests) flush every table when they finish.
    """
    from django.conf import settings
    from wagtail.models import Collection

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )


class RegionSite:
    """A region's site with its home page and one index page of each kind."""

    def __init__(self, hostname: str = "localhost", is_default: bool = True, language: str = ""):
        """``language``: the locale of the region's content (its pages inherit it); default LANGUAGE_CODE."""
        root = ensure_wagtail_base_rows()
        self.region = RegionFactory()
        locale = Locale.objects.get_or_create(language_code=language)[0] if language else None
        self.home = HomePageFactory(parent=root, region=self.region, **({"locale": locale} if locale else {}))
        self.site = Site.objects.create(
            hostname=hostname,
            port=80,
            root_page=self.home,
            is_default_site=is_default,
            site_name=self.region.name,
        )
        self.region.site = self.site
        self.region.save()
        self.news = NewsIndexPageFactory(parent=self.home)
        self.techniekhuizen = TechniekhuisIndexPageFactory(parent=self.home)
        self.challenges = ChallengeIndexPageFactory(parent=self.home)
        self.events = EventIndexPageFactory(parent=self.home)
        self._databank = None

    @property
    def databank(self) -> pages.DatabankPage:
        if self._databank is None:
            self._databank = DatabankPageFactory(parent=self.home)
        return self._databank


# --- office files (ZIP archives), built in memory ------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def docx_of_paragraphs(paragraph: str, count: int) -> bytes:
    """A .docx whose document holds ``count`` copies of one paragraph, streamed into the archive.

    Repeated text compresses extremely well: with a large ``count`` this is a decompression bomb
    (``count=300_000`` of 1,000 characters: ~300 MB of XML in well under 1 MB on disk).
    """
    buffer = io.BytesIO()
    one = f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>".encode()
    chunk_count = max(1, min(count, 1024))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_CONTENT_TYPES)
        with archive.open("word/document.xml", "w") as member:
            member.write(f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'.encode())
            written = 0
            while written < count:
                n = min(chunk_count, count - written)
                member.write(one * n)
                written += n
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


@functools.cache
def docx_bomb() -> bytes:
    """The issue's bomb: ~300 MB of text in a few hundred KB."""
    return docx_of_paragraphs("Techniek " * 111, 300_000)
