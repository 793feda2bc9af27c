"""Event registrations: a confirmed registration is due for evaluation once the event has ended.

When registrations learn attendance ("attended"), :data:`DUE_STATUSES` narrows to it.
"""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.events.models import EventRegistration
from cms.i18n import page_language
from cms.pages.services import site_root_url
from cms.snippets.models import Region

from ..models import EVENT_KIND_PREFIX
from ..registry import Participation, register_source

DUE_STATUSES = (EventRegistration.Status.CONFIRMED,)


class EventRegistrationSource:
    name = "event_registration"
    label = _("Event registrations")

    def due(self, *, now: dt.datetime, since: dt.datetime, invited: QuerySet) -> list[int]:
        registrations = EventRegistration.objects.filter(
            status__in=DUE_STATUSES, event__end__lt=now, event__end__gte=since, anonymised_at__isnull=True
        )
        return list(registrations.exclude(pk__in=invited).order_by("pk").values_list("pk", flat=True))

    def get(self, pk: int) -> Participation | None:
        registration = (
            EventRegistration.objects.select_related("event")
            .filter(pk=pk, status__in=DUE_STATUSES, anonymised_at__isnull=True)
            .first()
        )
        if registration is None or not registration.email:
            return None
        event = registration.event
        site = event.get_site()
        return Participation(
            source=self.name,
            pk=registration.pk,
            subject_key=f"event:{event.pk}",
            subject_title=event.title,
            kind=EVENT_KIND_PREFIX + event.event_type,
            occurred_on=timezone.localdate(event.start),
            region_id=Region.objects.filter(site=site).values_list("pk", flat=True).first() if site else None,
            name=registration.name,
            email=registration.email,
            language=page_language(event),
            base_url=site_root_url(event),
        )


register_source(EventRegistrationSource())
