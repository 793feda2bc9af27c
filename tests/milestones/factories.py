import datetime as dt

import factory

from cms.milestones.models import Milestone


class MilestoneFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"1.{n}")
    text = factory.Sequence(lambda n: f"{n} klassen hebben een workshop gevolgd")
    start_date = dt.date(2025, 1, 1)
    due_year = 2026
    due_quarter = 4
    kind = Milestone.Kind.MEASURED
    indicator = "classes_reached"
    target = 10

    class Meta:
        model = Milestone
