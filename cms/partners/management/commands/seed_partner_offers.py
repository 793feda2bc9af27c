"""Demo offers for the menukaart, attached to the partners ``seed_demo`` creates. Idempotent."""

from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from cms.partners.models import PartnerOffer
from cms.snippets.models import Partner, TargetGroup, Theme

Kind = PartnerOffer.Kind
Place = PartnerOffer.Place

# (partner slug, title, kind, place, period, max pupils, cost, insurance, target-group level)
OFFERS = [
    (
        "albeda",
        "Proefles installatietechniek",
        Kind.GUEST_LESSON,
        Place.PARTNER,
        "Woensdagmiddag",
        24,
        "0",
        False,
        "vmbo",
    ),
    (
        "albeda",
        "Keuzevak Elektrotechniek",
        Kind.ELECTIVE,
        Place.PARTNER,
        "Schooljaar, 2 uur per week",
        16,
        "0",
        False,
        "vmbo",
    ),
    (
        "zadkine",
        "Meeloopdag Techniek Academie",
        Kind.INTERNSHIP,
        Place.PARTNER,
        "Op aanvraag",
        12,
        "0",
        True,
        "vmbo",
    ),
    (
        "zadkine",
        "Teach-the-teacher: lassen",
        Kind.WORKSHOP,
        Place.PARTNER,
        "Drie dinsdagavonden",
        10,
        "75",
        False,
        "vmbo",
    ),
    (
        "stedin",
        "Gastles energietransitie",
        Kind.GUEST_LESSON,
        Place.SCHOOL,
        "Oktober tot maart",
        30,
        "0",
        False,
        "po",
    ),
    (
        "stedin",
        "Bedrijfsbezoek schakelstation",
        Kind.COMPANY_VISIT,
        Place.PARTNER,
        "Voorjaar",
        20,
        "0",
        True,
        "vmbo",
    ),
    (
        "da-vinci-college",
        "Praktijkles mechatronica",
        Kind.WORKSHOP,
        Place.PARTNER,
        "Maandelijks",
        20,
        "0",
        False,
        "vmbo",
    ),
    (
        "da-vinci-college",
        "Online kennismaking mbo-techniek",
        Kind.GUEST_LESSON,
        Place.ONLINE,
        "Op aanvraag",
        None,
        "0",
        False,
        "vmbo",
    ),
]


class Command(BaseCommand):
    help = "Create demo partner offers (the menukaart) for the partners seed_demo made. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        partners = {p.slug: p for p in Partner.objects.filter(slug__in={row[0] for row in OFFERS})}
        themes = list(Theme.objects.all()[:2])
        created = 0
        for slug, title, kind, place, period, max_pupils, cost, insurance, level in OFFERS:
            partner = partners.get(slug)
            if partner is None:
                continue
            offer, was_created = PartnerOffer.objects.update_or_create(
                partner=partner,
                title=title,
                defaults={
                    "kind": kind,
                    "place": place,
                    "period": period,
                    "max_pupils": max_pupils,
                    "cost": Decimal(cost),
                    "insurance_needed": insurance,
                    "description": f"{title} bij {partner.name}.",
                    "active": True,
                },
            )
            offer.target_groups.set(TargetGroup.objects.filter(level=level)[:3])
            offer.themes.set(themes)
            created += was_created
        self.stdout.write(f"Partner offers: {created} created, {PartnerOffer.objects.count()} in total.")
