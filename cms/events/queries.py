"""Read-side helpers shared by the pages, the page sections and the API."""

from cms.pages.models import EventPage

from .models import EventCapacity, EventRegistration


def places_left(event: EventPage) -> int | None:
    """Free places (None = unlimited), from the counter row when it exists."""
    if event.capacity is None:
        return None
    row = EventCapacity.objects.filter(page_id=event.pk).first()
    registered = (
        row.registered
        if row is not None
        else EventRegistration.objects.filter(event=event, status=EventRegistration.Status.CONFIRMED).count()
    )
    return max(event.capacity - registered, 0)
