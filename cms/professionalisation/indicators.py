"""The professional-development indicator for the funders' milestones.

Imported only by ``cms.milestones`` (its ``ready()`` autodiscovers ``<app>.indicators``), so this
app works without milestones. Hours are those on the certificates (one per attendance at an event
the editor gave hours; :func:`cms.professionalisation.services.certificates_in`), in the period of
the certificate's date, in the region of the site the event page lives on
(:func:`cms.dashboard.reach.region_q`).
"""

import datetime as dt

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from cms.dashboard import reach
from cms.milestones.indicators import Filters, register

from .services import certificates_in


def professionalisation_hours(region_id: int, start: dt.date, end: dt.date, filters: Filters) -> float:
    rows = certificates_in(start, end).filter(reach.region_q(region_id, "attendance__occurrence__page"))
    return float(rows.aggregate(n=Sum("hours"))["n"] or 0)


register("professionalisation_hours", _("Professional development hours"), professionalisation_hours)
