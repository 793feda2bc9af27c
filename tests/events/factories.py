"""Factories for event registrations and challenge teams."""

import uuid

import factory

from cms.events import models
from tests.factories import SchoolFactory


class EventRegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Docent {n}")
    email = factory.Sequence(lambda n: f"docent{n}@school.nl")
    organisation = "Vmbo College Zuid"
    role = models.EventRegistration.Role.TEACHER
    status = models.EventRegistration.Status.CONFIRMED
    idempotency_key = factory.LazyFunction(lambda: uuid.uuid4().hex)

    class Meta:
        model = models.EventRegistration


class ChallengeTeamFactory(factory.django.DjangoModelFactory):
    school = factory.SubFactory(SchoolFactory)
    team_name = factory.Sequence(lambda n: f"Team Zonnekracht {n}")
    pupils = 4
    teacher_name = "Meester Bram"
    teacher_email = factory.Sequence(lambda n: f"bram{n}@school.nl")
    idempotency_key = factory.LazyFunction(lambda: uuid.uuid4().hex)

    class Meta:
        model = models.ChallengeTeam
