"""Booked lessons: a booking is due for evaluation once its lesson was given.

"Given" is the bookings app's own rule (:func:`cms.bookings.reporting.reached_bookings`:
completed, or confirmed with the lesson date past), so when bookings learn a "given" state
with the actual pupils, evaluations follow without a change here.
"""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.bookings.emails import base_url
from cms.bookings.reporting import reached_bookings
from cms.i18n import page_language
from cms.snippets.models import Region

from ..models import LESSON_KIND
from ..registry import Participation, register_source


class BookingSource:
    name = "booking"
    label = _("Booked lessons")

    def due(self, *, now: dt.datetime, since: dt.datetime, invited: QuerySet) -> list[int]:
        today = timezone.localdate(now)
        bookings = reached_bookings(today).filter(
            slot__date__lt=today,
            slot__date__gte=timezone.localdate(since),
            anonymised_at__isnull=True,
        )
        return list(bookings.exclude(pk__in=invited).order_by("pk").values_list("pk", flat=True))

    def get(self, pk: int) -> Participation | None:
        booking = (
            reached_bookings()
            .select_related("slot__offering__techniekhuis", "school")
            .filter(pk=pk, anonymised_at__isnull=True)
            .first()
        )
        if booking is None or not booking.email:
            return None
        offering = booking.slot.offering
        techniekhuis = offering.techniekhuis
        region_id = None
        if techniekhuis is not None and (site := techniekhuis.get_site()) is not None:
            region_id = Region.objects.filter(site=site).values_list("pk", flat=True).first()
        return Participation(
            source=self.name,
            pk=booking.pk,
            subject_key=f"offering:{offering.pk}",
            subject_title=offering.title,
            kind=LESSON_KIND,
            occurred_on=booking.slot.date,
            region_id=region_id or booking.school.region_id,
            name=booking.contact_name,
            email=booking.email,
            language=page_language(techniekhuis),
            base_url=base_url(booking),
        )


register_source(BookingSource())
