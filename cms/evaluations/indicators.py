"""The evaluation indicators for the funders' milestones: responses and their average rating.

Imported only by ``cms.milestones`` (its ``ready()`` autodiscovers ``<app>.indicators``), so this
app works without milestones. The rows are :func:`cms.evaluations.results.responses`: the period is
the date of the lesson or event, and the region is the one each response carries, stamped by the
source with the dashboard's rule (the site of the page, else the school's region).
"""

import datetime as dt

from django.db.models import Avg
from django.utils.translation import gettext_lazy as _

from cms.milestones.indicators import Filters, register

from .models import Answer
from .results import responses


def evaluation_responses(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> int:
    return responses(region_ids=[region_id], start=start, end=end).count()


def evaluation_average(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> float | None:
    """The mean of every 1-5 rating given (as :func:`cms.evaluations.results.rating_averages`);
    ``None`` when nobody rated anything in the period."""
    found = responses(region_ids=[region_id], start=start, end=end)
    average = Answer.objects.filter(response__in=found, rating__isnull=False).aggregate(n=Avg("rating"))["n"]
    return None if average is None else round(average, 2)


register("evaluation_responses", _("Evaluation responses"), evaluation_responses)
register("evaluation_average", _("Average evaluation rating (1-5)"), evaluation_average)
