"""AVG/GDPR: remove personal data from old bookings, and export what we hold about a school.

Anonymising keeps what the reach figures need (school, slot, group, pupils, status) and blanks
the contact person's details and free-text notes. ``BOOKINGS_ANONYMISE_AFTER_DAYS`` (default
730) says how long after the lesson that happens.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from cms.snippets.models import School

from .models import Booking

DEFAULT_ANONYMISE_AFTER_DAYS = 730


def anonymise_bookings(*, older_than_days: int | None = None, today: dt.date | None = None) -> int:
    """Blank personal data of bookings whose lesson is older than the period; idempotent. Returns the count."""
    if older_than_days is None:
        older_than_days = getattr(settings, "BOOKINGS_ANONYMISE_AFTER_DAYS", DEFAULT_ANONYMISE_AFTER_DAYS)
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=older_than_days)
    return Booking.objects.filter(slot__date__lt=cutoff, anonymised_at__isnull=True).update(
        contact_name="", email="", phone="", notes="", anonymised_at=timezone.now()
    )


def export_school_data(school: School) -> dict:
    """Everything the booking system holds about one school, as JSON-ready data."""
    bookings = Booking.objects.filter(school=school).select_related("slot__offering").order_by("created_at")
    return {
        "school": {
            "name": school.name,
            "brin_code": school.brin_code,
            "street": school.street,
            "postcode": school.postcode,
            "city": school.city,
        },
        "bookings": [
            {
                "id": b.pk,
                "lesson": b.slot.offering.title,
                "date": b.slot.date.isoformat(),
                "start": b.slot.start.strftime("%H:%M"),
                "status": b.status,
                "group": b.group,
                "pupils": b.pupils,
                "contact_name": b.contact_name,
                "email": b.email,
                "phone": b.phone,
                "notes": b.notes,
                "amount_owed": str(b.amount_owed),
                "privacy_consent": b.privacy_consent,
                "created_at": b.created_at.isoformat(),
                "anonymised_at": b.anonymised_at.isoformat() if b.anonymised_at else None,
            }
            for b in bookings
        ],
    }
