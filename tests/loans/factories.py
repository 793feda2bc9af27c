"""Factories for pick-up points, lendable items, copies and reservations."""

import datetime as dt
import uuid

import factory
from django.utils import timezone

from cms.loans import models, services
from tests.factories import SchoolFactory


def next_monday(weeks_ahead: int = 2) -> dt.date:
    return services.monday(timezone.localdate()) + dt.timedelta(weeks=weeks_ahead)


class PickupPointFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Techniekhuis Noord {n}")
    street = "Werkplaatsstraat 4"
    postcode = "9711 AB"
    city = "Groningen"
    opening_hours = "ma-vr 9.00-16.00"
    email = "uitleen@techniekhuis.nl"

    class Meta:
        model = models.PickupPoint


class LendableItemFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Uitleenkist Elektriciteit {n}")
    min_weeks = 1
    max_weeks = 3
    lead_time_days = 3
    buffer_days = 2

    class Meta:
        model = models.LendableItem


class CopyFactory(factory.django.DjangoModelFactory):
    item = factory.SubFactory(LendableItemFactory)
    pickup_point = factory.SubFactory(PickupPointFactory)
    inventory_number = factory.Sequence(lambda n: f"EL-{n:04d}")

    class Meta:
        model = models.Copy


class ReservationFactory(factory.django.DjangoModelFactory):
    copy = factory.SubFactory(CopyFactory)
    item = factory.SelfAttribute("copy.item")
    school = factory.SubFactory(SchoolFactory)
    contact_name = "Juf Anna de Vries"
    email = "anna@deklimop.nl"
    pickup_date = factory.LazyFunction(next_monday)
    return_date = factory.LazyAttribute(lambda o: o.pickup_date + dt.timedelta(days=4))
    blocked_until = factory.LazyAttribute(lambda o: o.return_date + dt.timedelta(days=o.item.buffer_days))
    status = models.Reservation.Status.CONFIRMED
    privacy_consent = True
    idempotency_key = factory.LazyFunction(lambda: uuid.uuid4().hex)

    class Meta:
        model = models.Reservation
