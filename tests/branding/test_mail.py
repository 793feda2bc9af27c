"""Mail in the region's house style: every kind of mail shows the region's logo and colour around its
content, has a plain-text part, and a region without a house style gets the neutral layout."""

import re

import pytest
from django.db import transaction
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from cms.bookings import emails as booking_emails
from cms.branding.models import RegionBranding
from cms.editorial import contributions
from cms.editorial.models import Contribution
from cms.events import emails as event_emails
from cms.newsletters import services as newsletters
from cms.newsletters.rendering import UNSUBSCRIBE_PLACEHOLDER, render_newsletter
from cms.outbox.layout import NEUTRAL_PRIMARY
from cms.outbox.models import OutgoingMail
from tests.bookings.factories import BookingFactory, LessonOfferingFactory, TimeSlotFactory
from tests.events.factories import ChallengeTeamFactory, EventRegistrationFactory
from tests.factories import (
    ChallengePageFactory,
    EventPageFactory,
    LessonKitPageFactory,
    RegionSite,
    TechniekhuisPageFactory,
)
from tests.newsletters.factories import NewsletterArchivePageFactory, NewsletterPageFactory

GREEN = "#006b54"


def style(region_site: RegionSite, *, logo: bool = True) -> RegionBranding:
    branding = RegionBranding.for_site(region_site.site)
    branding.primary_colour = GREEN
    branding.footer_text = '<p>Vragen? <a href="/contact/">Neem contact op</a></p>'
    if logo:
        branding.logo = Image.objects.create(title="Logo", file=get_test_image_file(size=(300, 150)))
    branding.save()
    return branding


def booking_mail(region_site):
    house = TechniekhuisPageFactory(
        parent=region_site.techniekhuizen, title="Techniekhuis op Zuid", street="Zuidplein 1"
    )
    offering = LessonOfferingFactory(title="Bouw een windmolen", techniekhuis=house)
    booking = BookingFactory(slot=TimeSlotFactory(offering=offering), contact_name="Juf Anna")
    booking_emails.booking_received(booking)


def event_mail(region_site):
    event = EventPageFactory(parent=region_site.events, title="Leernetwerk decanen")
    event_emails.registration_confirmed(EventRegistrationFactory(event=event, name="Juf Anna"))


def team_mail(region_site):
    challenge = ChallengePageFactory(parent=region_site.challenges, title="Young Solar Challenge")
    event_emails.team_registered(ChallengeTeamFactory(challenge=challenge, teacher_name="Juf Anna"))


def contribution_mail(region_site):
    kit = LessonKitPageFactory(parent=region_site.databank, title="Papieren brug")
    Contribution.objects.create(
        title="Papieren brug",
        description="Een brug van papier.",
        contributor_name="Juf Anna",
        contributor_email="anna@school.nl",
        licence_consent=True,
        page=kit,
    )
    contributions.decide(kit, approved=False, comment="Voeg een werkblad toe.")


def subscription_mail(region_site):
    newsletters.subscribe(
        email="anna@school.nl", name="Juf Anna", region=region_site.region, base_url="http://elders"
    )


MAILS = {
    "booking": booking_mail,
    "event registration": event_mail,
    "challenge team": team_mail,
    "contribution": contribution_mail,
    "newsletter subscription": subscription_mail,
}


@pytest.fixture
def region_site(db):
    """A clean tree with one region site on a real host name (links in mail must carry it)."""
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    return RegionSite(hostname="techtown.example.nl")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", MAILS)
def test_each_mail_shows_the_regions_logo_and_colour_and_has_a_text_part(region_site, kind):
    style(region_site)
    with transaction.atomic():
        MAILS[kind](region_site)
    mail = OutgoingMail.objects.latest("pk")

    html = mail.body_html
    assert re.search(r'<img [^>]*src="http://techtown\.example\.nl/[^"]+\.png"', html), "absolute logo URL"
    assert f"border-bottom: 4px solid {GREEN}" in html, "the header in the region's colour"
    assert re.search(rf'<a [^>]*style="[^"]*color: {GREEN}', html), "links in the region's colour"
    assert 'href="http://techtown.example.nl/contact/"' in html, "footer links made absolute"
    assert 'class="mail-content" style="' in html, "styles copied onto the elements"
    assert 'name="viewport"' in html and "max-width: 600px" in html
    assert "Juf Anna" in html

    text = mail.body_text
    assert "Juf Anna" in text
    assert "<" not in text, "no markup in the text part"
    assert text.startswith(region_site.site.site_name)
    assert "Vragen? Neem contact op (http://techtown.example.nl/contact/)" in text


@pytest.mark.django_db
@pytest.mark.parametrize("kind", MAILS)
def test_a_region_without_a_house_style_gets_the_neutral_layout(region_site, kind):
    with transaction.atomic():
        MAILS[kind](region_site)
    mail = OutgoingMail.objects.latest("pk")

    assert "<img" not in mail.body_html
    assert f"border-bottom: 4px solid {NEUTRAL_PRIMARY}" in mail.body_html
    assert f">{region_site.site.site_name}</a>" in mail.body_html
    assert mail.body_text.startswith(region_site.site.site_name)


@pytest.mark.django_db
def test_colours_without_a_logo_still_brand_the_mail(region_site):
    style(region_site, logo=False)
    with transaction.atomic():
        booking_mail(region_site)
    html = OutgoingMail.objects.latest("pk").body_html
    assert "<img" not in html
    assert f"border-bottom: 4px solid {GREEN}" in html


@pytest.mark.django_db
def test_links_in_the_subscription_mail_go_to_the_regions_site(region_site):
    subscription_mail(region_site)
    mail = OutgoingMail.objects.latest("pk")
    assert "http://techtown.example.nl/nieuwsbrief/bevestigen/" in mail.body_text
    assert "http://elders" not in mail.body_text


@pytest.mark.django_db(transaction=True)
def test_branded_mail_reaches_the_smtp_server_as_multipart_alternative(smtp_server, region_site):
    style(region_site)
    with transaction.atomic():
        booking_mail(region_site)

    [(_, message)] = smtp_server.messages
    alternative = next(part for part in message.walk() if part.get_content_type() == "multipart/alternative")
    kinds = [part.get_content_type() for part in alternative.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    assert GREEN in message.get_body(("html",)).get_content()
    assert "Juf Anna" in message.get_body(("plain",)).get_content()
    assert [part.get_filename() for part in message.iter_attachments()] == ["les.ics"]


@pytest.mark.django_db
def test_the_newsletter_is_sent_in_the_same_layout_with_the_regions_look(region_site):
    style(region_site)
    archive = NewsletterArchivePageFactory(parent=region_site.home)
    rendered = render_newsletter(NewsletterPageFactory(parent=archive, title="Nieuwsbrief juni"))

    assert re.search(r'<img [^>]*src="http://techtown\.example\.nl/[^"]+\.png"', rendered.html)
    assert f"border-bottom: 4px solid {GREEN}" in rendered.html
    assert f"background-color: {GREEN}" in rendered.html, "the call to action in the region's colour"
    assert "#0b5cad" not in rendered.html
    assert 'href="http://techtown.example.nl/contact/"' in rendered.html
    assert UNSUBSCRIBE_PLACEHOLDER in rendered.html and "Nieuwsbrief juni" in rendered.text
