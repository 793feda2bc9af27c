"""Demo content of the apps around the pages: bookable lessons, mailing lists and a newsletter,
partner offers. Each part runs only when its app is installed, and is idempotent like the rest."""

import datetime as dt
import uuid
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.bookings import services as bookings
from cms.bookings.models import Coordinator, LessonOffering, OwnContributionRule, TimeSlot
from cms.bookings.queries import open_slots
from cms.branding.models import RegionBranding
from cms.editorial.roles import grant_coordinator
from cms.events import attendance
from cms.events.services import RegistrationRequest, register_for_event
from cms.loans import services as loans
from cms.loans.models import Copy, LendableItem, LoanVoucher, PickupPoint, Reservation
from cms.milestones.models import Milestone, ProgrammeLine
from cms.milestones.quarters import parse_quarter
from cms.newsletters.models import NewsletterArchivePage, NewsletterPage, Segment
from cms.pages.models import EventPage, TechniekhuisPage
from cms.partners.models import PartnerOffer
from cms.professionalisation import services as professionalisation
from cms.snippets.models import Partner, School, TargetGroup, Theme

from .datafiles import DemoDataError, load, lookup, lookup_all, stream
from .images import get_or_create_logo
from .seed import upsert_page

#: Weekdays (Mon=0) and times of the demo lesson slots, for the coming weeks.
SLOT_DAYS = (1, 3)  # Tuesday, Thursday
SLOT_TIMES = ((dt.time(8, 45), dt.time(11, 45)), (dt.time(12, 45), dt.time(14, 45)))
SLOT_WEEKS = 6


def seed_bookings(techniekhuizen: dict, taxonomies: dict, today: dt.date | None = None) -> int:
    """Lesson offerings per techniekhuis with time slots in the coming weeks; returns the slots made."""
    if not apps.is_installed("cms.bookings"):
        return 0

    data = load("bookings")
    for rule in data["own_contribution"]:
        OwnContributionRule.objects.get_or_create(
            school_year_start=rule["school_year_start"], defaults={"percentage": Decimal(rule["percentage"])}
        )
    today = today or timezone.localdate()
    first_monday = today + dt.timedelta(days=7 - today.weekday())
    created = 0
    for house_slug, offerings in data["lesson_offerings"].items():
        where = f"bookings.yaml {house_slug}"
        house = lookup(techniekhuizen, house_slug, "techniekhuis", where)
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
            offering.target_groups.set(
                lookup_all(taxonomies["groups"], data["groups"], "target group", where)
            )
            offering.themes.set(lookup_all(taxonomies["themes"], data.get("themes", []), "theme", where))
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


def seed_attendances(events: dict[str, EventPage], schools: dict[str, School]) -> int:
    """Teachers who attended a past professional-development activity, each with a certificate;
    some share their totals with their school. Through the events' and certificates' own services
    (registered a week before the activity, then checked in); returns the certificates made."""
    if not apps.is_installed("cms.events") or not apps.is_installed("cms.professionalisation"):
        return 0

    made = 0
    for group in load("attendances")["attendances"]:
        where = f"attendances.yaml {group['event']}"
        event = lookup(events, group["event"], "event", where)
        occurrence = event.occurrences.order_by("start").first()
        for teacher in group["teachers"]:
            school = lookup(schools, teacher["school"], "school", where)
            registration = register_for_event(
                RegistrationRequest(
                    event_id=event.pk,
                    name=teacher["name"],
                    email=teacher["email"],
                    organisation=school.name,
                    idempotency_key=uuid.uuid5(
                        uuid.NAMESPACE_URL, f"demo/{event.slug}/{teacher['email']}"
                    ).hex,
                ),
                now=occurrence.start - dt.timedelta(days=7),
            ).registration
            try:
                checked_in = attendance.check_in_registration(registration.pk, occurrence).attendance
            except attendance.AlreadyCheckedIn:  # seeded before
                checked_in = registration.attendances.get(occurrence=occurrence)
            certificate = professionalisation.issue_certificate(checked_in.pk)
            made += certificate is not None
            professionalisation.set_consent(teacher["email"], school if teacher["shares"] else None)
    return made


def seed_loans(techniekhuizen: dict, kit_pages: dict, today: dt.date | None = None) -> int:
    """Lendable kits at two pick-up points (data/loans.yaml) with loans in several states; returns the copies."""
    if not apps.is_installed("cms.loans"):
        return 0
    data = load("loans")
    points = {}
    for key, point in data["pickup_points"].items():
        house = point["techniekhuis"]
        points[key], _ = PickupPoint.objects.update_or_create(
            name=point["name"],
            defaults={
                "techniekhuis": lookup(techniekhuizen, house, "techniekhuis", f"loans.yaml {key}")
                if house
                else None,
                "street": point["street"],
                "postcode": point["postcode"],
                "city": point["city"],
                "opening_hours": point["opening_hours"],
                "email": point["email"],
            },
        )
    copies = {}
    for entry in data["items"]:
        where = f"loans.yaml {entry['title']}"
        item, _ = LendableItem.objects.update_or_create(
            title=entry["title"],
            defaults={
                "lesson_kit": lookup(kit_pages, entry["kit"], "kit", where) if entry["kit"] else None,
                "min_weeks": entry["min_weeks"],
                "max_weeks": entry["max_weeks"],
                "lead_time_days": entry["lead_time_days"],
                "buffer_days": entry["buffer_days"],
                "fee": Decimal(entry["fee"]),
                "contents": entry["contents"],
                "consumables": entry["consumables"],
            },
        )
        for number, point_key in entry["copies"].items():
            copies[number], _ = Copy.objects.update_or_create(
                inventory_number=number,
                defaults={"item": item, "pickup_point": lookup(points, point_key, "pick-up point", where)},
            )
    schools = {school.brin_code: school for school in School.objects.all()}
    this_week = loans.monday(today or timezone.localdate())
    for loan in data["loans"]:
        where = f"loans.yaml {loan['key']}"
        copy = lookup(copies, loan["copy"], "copy", where)
        pickup, back = loans.loan_period(
            this_week + dt.timedelta(weeks=loan["weeks_from_now"]), loan["weeks"]
        )
        Reservation.objects.get_or_create(
            idempotency_key=loan["key"],
            defaults={
                "item": copy.item,
                "copy": copy,
                "school": lookup(schools, loan["brin"], "school", where),
                "contact_name": "Juf Sanne Bakker",
                "email": "s.bakker@example.org",
                "pickup_date": pickup,
                "return_date": back,
                "blocked_until": loans.blocked_until(copy.item, back),
                "status": loan["status"],
                "pupils_reached": loan.get("pupils"),
                "privacy_consent": True,
                "amount_owed": copy.item.fee,
            },
        )
    year = loans.school_year_start(this_week)
    for voucher in data["vouchers"]:
        LoanVoucher.objects.get_or_create(
            school=lookup(schools, voucher["brin"], "school", "loans.yaml vouchers"),
            school_year_start=year,
            defaults={
                "name": voucher["name"],
                "free_loans": voucher["free_loans"],
                "budget": Decimal(voucher["budget"]),
            },
        )
    return len(copies)


def seed_coordinator(username: str = "coordinator") -> None:
    """The demo coordinator runs one techniekhuis: its pages, its lessons (which need approval) and
    a few booking requests waiting on the admin dashboard."""

    data = load("accounts")["coordinator"]
    user = get_user_model().objects.filter(username=username).first()
    house = TechniekhuisPage.objects.filter(slug=data["techniekhuis"]).first()
    if user is None or house is None:
        return
    grant_coordinator(user, house)
    if not apps.is_installed("cms.bookings"):
        return

    Coordinator.objects.get_or_create(user=user, techniekhuis=house)
    LessonOffering.objects.filter(techniekhuis=house).update(requires_approval=True)
    requests = data["booking_requests"]
    slots = list(open_slots().filter(offering__techniekhuis=house)[: len(requests)])
    for slot, wanted in zip(slots, requests, strict=False):
        brin = wanted["school"]
        school = School.objects.filter(brin_code=brin).first()
        if school is None:
            continue
        allowed = bookings.offering_groups(slot.offering)  # the lesson decides which groups may come
        request = bookings.BookingRequest(
            slot_id=slot.pk,
            school=school,
            contact_name=wanted["contact_name"],
            email="school@example.nl",
            group=wanted["group"] if wanted["group"] in allowed else allowed[-1],
            pupils=wanted["pupils"],
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

    data_file = load("newsletters")
    segments = {}
    for item in data_file["mailing_lists"]:
        segments[item["slug"]], _ = Segment.objects.update_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "description": item["description"], "is_public": True},
        )
    for region_slug, home in homes.items():
        archive = upsert_page(
            home,
            NewsletterArchivePage,
            "nieuwsbrief",
            {"title": "Nieuwsbrief", "intro": data_file["archive_intro"]},
        )
        data = data_file["newsletter"]
        upsert_page(
            archive,
            NewsletterPage,
            data["slug"],
            {
                "title": data["title"],
                "subject": data["subject"],
                "preheader": data["preheader"],
                "body": [
                    {**block, "value": {**block["value"], "page": databank.pk}}
                    if block["type"] == "call_to_action"
                    else block
                    for block in stream(data["body"])
                ],
                "segments": lookup_all(
                    segments, data["segments"], "mailing list", "newsletters.yaml newsletter"
                ),
                "region": regions[region_slug],
            },
        )


def seed_partner_offers() -> int:
    """Offers on the partners' menukaart (data/partner_offers.yaml) for the demo partners; returns how
    many were created. Offers of partners that do not exist are skipped."""
    if not apps.is_installed("cms.partners"):
        return 0

    offers = load("partner_offers")["offers"]
    partners = {p.slug: p for p in Partner.objects.filter(slug__in={offer["partner"] for offer in offers})}
    themes = list(Theme.objects.all()[:2])
    created = 0
    for data in offers:
        partner = partners.get(data["partner"])
        if partner is None:
            continue
        offer, was_created = PartnerOffer.objects.update_or_create(
            partner=partner,
            title=data["title"],
            defaults={
                "kind": data["kind"],
                "place": data["place"],
                "period": data["period"],
                "max_pupils": data["max_pupils"],
                "cost": Decimal(data["cost"]),
                "insurance_needed": data["insurance_needed"],
                "description": f"{data['title']} bij {partner.name}.",
                "active": True,
            },
        )
        offer.target_groups.set(TargetGroup.objects.filter(level=data["target_level"])[:3])
        offer.themes.set(themes)
        created += was_created
    return created


def seed_branding(sites: dict) -> int:
    """Each region's house style (logo, colours, footer) from regions.yaml; returns the sites styled."""
    if not apps.is_installed("cms.branding"):
        return 0

    styled = 0
    for data in load("regions")["regions"]:
        style = data.get("branding")
        if not style:
            continue
        site = lookup(sites, data["slug"], "site", f"regions.yaml {data['slug']}")
        logo = get_or_create_logo(
            f"Logo {data['name']}", f"logo-{data['slug']}", style["logo_text"], style["primary_colour"]
        )
        branding = RegionBranding.for_site(site)
        branding.logo = logo
        for name in ("primary_colour", "footer_colour", "surface_colour", "footer_text"):
            setattr(branding, name, style.get(name, ""))
        branding.full_clean()
        branding.save()
        styled += 1
    return styled


def seed_milestones(regions: dict, techniekhuizen: dict) -> int:
    """TechTown's plan milestones (``milestones.yaml``), keyed on region, number and text; returns the count."""
    count = 0
    for region_slug, plan in load("milestones")["regions"].items():
        where = f"milestones.yaml {region_slug}"
        region = lookup(regions, region_slug, "region", where)
        start = dt.date.fromisoformat(plan["start"])
        lines = {}
        for line in plan["lines"]:
            lines[line["code"]], _ = ProgrammeLine.objects.update_or_create(
                region=region,
                code=line["code"],
                defaults={"title": line["title"], "report_text": line.get("report_text", "")},
            )
        for data in plan["milestones"]:
            quarter = parse_quarter(data["due"])
            if quarter is None:
                raise DemoDataError(f"{where} {data['code']}: {data['due']!r} is not a quarter")
            measured = "indicator" in data
            milestone, _ = Milestone.objects.update_or_create(
                region=region,
                code=data["code"],
                text=data["text"],
                defaults={
                    "programme_line": lines.get(data["code"].split(".")[0]),
                    "responsible_partner": data.get("partner", ""),
                    "start_date": start,
                    "due_year": quarter.year,
                    "due_quarter": quarter.number,
                    "kind": Milestone.Kind.MEASURED if measured else Milestone.Kind.MANUAL,
                    "indicator": data.get("indicator", ""),
                    "target": data.get("target"),
                    "school_type": data.get("school_type", ""),
                    "manual_status": data.get("status", Milestone.ManualStatus.OPEN),
                    "achieved_on": dt.date.fromisoformat(data["achieved_on"])
                    if data.get("achieved_on")
                    else None,
                    "note": data.get("note", ""),
                },
            )
            milestone.techniekhuizen.set(
                lookup_all(techniekhuizen, data.get("techniekhuizen", []), "techniekhuis", where)
            )
            milestone.offerings.set(LessonOffering.objects.filter(title__in=data.get("offerings", [])))
            count += 1
    return count
