import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from cms.newsletters import models


class SegmentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Basisscholen {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = models.Segment


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"leerkracht{n}@school.nl")
    name = factory.Sequence(lambda n: f"Leerkracht {n}")
    status = models.Subscriber.Status.ACTIVE
    consent_given_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = models.Subscriber
        skip_postgeneration_save = True

    @factory.post_generation
    def segments(self, create, extracted, **kwargs):
        if create and extracted:
            self.segments.set(extracted)


class NewsletterArchivePageFactory(wagtail_factories.PageFactory):
    title = "Nieuwsbrieven"

    class Meta:
        model = models.NewsletterArchivePage


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nieuwsbrief {n}")
    subject = factory.LazyAttribute(lambda o: f"{o.title}: techniek in de regio")
    body = factory.LazyFunction(
        lambda: [
            ("intro", "Welkom bij de nieuwsbrief van de regio."),
            ("text", '<p>Lees meer op <a href="https://example.org/">onze site</a>.</p>'),
            ("call_to_action", {"text": "Meld je aan", "page": None, "url": "https://example.org/aanmelden"}),
            ("latest_news", {"heading": "Laatste nieuws", "count": 3}),
            ("upcoming_events", {"heading": "Agenda", "count": 3}),
            ("new_in_databank", {"heading": "Nieuw in de databank", "count": 3}),
        ]
    )

    class Meta:
        model = models.NewsletterPage
