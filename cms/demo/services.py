"""Demo content of the apps around the pages: bookable lessons, mailing lists and a newsletter,
partner offers. Each part runs only when its app is installed, and is idempotent like the rest."""

import datetime as dt
import io
from decimal import Decimal

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from . import content
from .seed import stream, upsert_page

#: Weekdays (Mon=0) and times of the demo lesson slots, for the coming weeks.
SLOT_DAYS = (1, 3)  # Tuesday, Thursday
SLOT_TIMES = ((dt.time(8, 45), dt.time(11, 45)), (dt.time(12, 45), dt.time(14, 45)))
SLOT_WEEKS = 6


def seed_bookings(techniekhuizen: dict, taxonomies: dict, today: dt.date | None = None) -> int:
    """Lesson offerings per techniekhuis with time slots in the coming weeks; returns the slots made."""
    if not apps.is_installed("cms.bookings"):
        return 0
    from cms.bookings.models import LessonOffering, OwnContributionRule, TimeSlot

    for year, percentage in content.OWN_CONTRIBUTION:
        OwnContributionRule.objects.get_or_create(
            school_year_start=year, defaults={"percentage": Decimal(percentage)}
        )
    today = today or timezone.localdate()
    first_monday = today + dt.timedelta(days=7 - today.weekday())
    created = 0
    for house_slug, offerings in content.LESSON_OFFERINGS.items():
        house = techniekhuizen[house_slug]
        for data in offerings:
            offering, _ = LessonOffering.objects.update_or_create(
                techniekhuis=house,
                title=data["title"],
                defaults={
                    "description": data["description"],
                    "location_kind": data["location_kind"],
                    "duration_minutes": data["minutes"],
                    "max_pupils_per_class": data["max_pupils"],
                    "price": Decimal(data["price"]),
                    "active": True,
                },
            )
            offering.target_groups.set([taxonomies["groups"][slug] for slug in data["groups"]])
            for week in range(SLOT_WEEKS):
                for weekday in SLOT_DAYS:
                    day = first_monday + dt.timedelta(weeks=week, days=weekday)
                    for start, end in SLOT_TIMES[: data["slots_per_day"]]:
                        deadline = timezone.make_aware(dt.datetime.combine(day - dt.timedelta(days=7), start))
                        _, was_created = TimeSlot.objects.get_or_create(
                            offering=offering,
                            date=day,
                            start=start,
                            defaults={
                                "end": end,
                                "capacity_classes": data["classes"],
                                "booking_deadline": deadline,
                            },
                        )
                        created += was_created
    return created


def seed_coordinator(username: str = "coordinator") -> None:
    """The demo coordinator runs one techniekhuis: its pages, its lessons (which need approval) and
    a few booking requests waiting on the admin dashboard."""
    from django.contrib.auth import get_user_model

    from cms.editorial.roles import grant_coordinator
    from cms.pages.models import TechniekhuisPage

    user = get_user_model().objects.filter(username=username).first()
    house = TechniekhuisPage.objects.filter(slug=content.DEMO_COORDINATED_HOUSE).first()
    if user is None or house is None:
        return
    grant_coordinator(user, house)
    if not apps.is_installed("cms.bookings"):
        return
    from cms.bookings import services as bookings
    from cms.bookings.models import Coordinator, LessonOffering
    from cms.bookings.queries import open_slots
    from cms.snippets.models import School

    Coordinator.objects.get_or_create(user=user, techniekhuis=house)
    LessonOffering.objects.filter(techniekhuis=house).update(requires_approval=True)
    slots = list(open_slots().filter(offering__techniekhuis=house)[: len(content.DEMO_BOOKING_REQUESTS)])
    for slot, (brin, contact, group, pupils) in zip(slots, content.DEMO_BOOKING_REQUESTS, strict=False):
        school = School.objects.filter(brin_code=brin).first()
        if school is None:
            continue
        request = bookings.BookingRequest(
            slot_id=slot.pk,
            school=school,
            contact_name=contact,
            email="school@example.nl",
            group=group,
            pupils=pupils,
            privacy_consent=True,
            idempotency_key=f"demo-request-{brin}",
        )
        try:
            bookings.book_slot(request)
        except bookings.BookingError:  # e.g. the slot filled up since the last run: no demo request then
            continue


def seed_newsletters(homes: dict, regions: dict, databank) -> None:
    """Public mailing lists, and per region an archive with one newsletter (never sent)."""
    if not apps.is_installed("cms.newsletters"):
        return
    from cms.newsletters.models import NewsletterArchivePage, NewsletterPage, Segment

    segments = {}
    for slug, name, description in content.MAILING_LISTS:
        segments[slug], _ = Segment.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "is_public": True}
        )
    for region_slug, home in homes.items():
        archive = upsert_page(
            home,
            NewsletterArchivePage,
            "nieuwsbrief",
            {"title": "Nieuwsbrief", "intro": content.NEWSLETTER_ARCHIVE_INTRO},
        )
        data = content.NEWSLETTER
        upsert_page(
            archive,
            NewsletterPage,
            data["slug"],
            {
                "title": data["title"],
                "subject": data["subject"],
                "preheader": data["preheader"],
                "body": stream(
                    [
                        (kind, {**value, "page": databank.pk} if kind == "call_to_action" else value)
                        for kind, value in data["body"]
                    ]
                ),
                "segments": [segments[slug] for slug in data["segments"]],
                "region": regions[region_slug],
            },
        )


def seed_partner_offers() -> None:
    if apps.is_installed("cms.partners"):
        call_command("seed_partner_offers", stdout=io.StringIO())
