"""Factories for lesson offerings, slots, bookings and coordinators."""

import datetime as dt
import uuid

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.bookings import models
from tests.factories import SchoolFactory


class LessonOfferingFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Bouw een windmolen {n}")
    description = "Leerlingen ontwerpen en testen een windmolen."
    duration_minutes = 90
    max_pupils_per_class = 32
    price = 200

    class Meta:
        model = models.LessonOffering


class TimeSlotFactory(factory.django.DjangoModelFactory):
    offering = factory.SubFactory(LessonOfferingFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))
    start = dt.time(9, 30)
    end = dt.time(11, 0)
    capacity_classes = 2
    capacity_pupils = None

    class Meta:
        model = models.TimeSlot


class BookingFactory(factory.django.DjangoModelFactory):
    slot = factory.SubFactory(TimeSlotFactory)
    school = factory.SubFactory(SchoolFactory)
    contact_name = "Juf Anna de Vries"
    email = factory.Sequence(lambda n: f"juf{n}@school.nl")
    phone = "010-1234567"
    group = 6
    pupils = 25
    privacy_consent = True
    status = models.Booking.Status.CONFIRMED
    idempotency_key = factory.LazyFunction(lambda: uuid.uuid4().hex)

    class Meta:
        model = models.Booking


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"coordinator{n}")
    email = factory.Sequence(lambda n: f"coordinator{n}@techniekhuis.nl")
    password = factory.django.Password("secret-password")

    class Meta:
        model = get_user_model()


class CoordinatorFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)

    class Meta:
        model = models.Coordinator
