"""AVG/GDPR: remove personal data from old loans, and export what we hold about a school.

Like bookings (:mod:`cms.bookings.privacy`): anonymising keeps what the figures need (school, kit,
period, status, pupils reached) and blanks the contact person's details and free text.
``LOANS_ANONYMISE_AFTER_DAYS`` (default 730) says how long after the return day that happens.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from cms.snippets.models import School

from .models import Reservation, WaitingListEntry

DEFAULT_ANONYMISE_AFTER_DAYS = 730


def anonymise_loans(*, older_than_days: int | None = None, today: dt.date | None = None) -> int:
    """Blank personal data of finished loans (and waiting-list entries) older than the period; idempotent."""
    if older_than_days is None:
        older_than_days = getattr(settings, "LOANS_ANONYMISE_AFTER_DAYS", DEFAULT_ANONYMISE_AFTER_DAYS)
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=older_than_days)
    now = timezone.now()
    finished = Q(status__in=(Reservation.Status.RETURNED, Reservation.Status.CANCELLED))
    count = Reservation.objects.filter(finished, return_date__lt=cutoff, anonymised_at__isnull=True).update(
        contact_name="", email="", phone="", notes="", return_notes="", anonymised_at=now
    )
    count += WaitingListEntry.objects.filter(return_date__lt=cutoff, anonymised_at__isnull=True).update(
        contact_name="", email="", phone="", anonymised_at=now
    )
    return count


def export_school_data(school: School) -> dict:
    """Everything the loan system holds about one school, as JSON-ready data."""
    loans = (
        Reservation.objects.filter(school=school)
        .select_related("item", "copy__pickup_point")
        .order_by("created_at")
    )
    waiting = WaitingListEntry.objects.filter(school=school).select_related("item").order_by("created_at")
    return {
        "loans": [
            {
                "id": loan.pk,
                "kit": loan.item.title,
                "inventory_number": loan.copy.inventory_number,
                "pickup_point": loan.copy.pickup_point.name,
                "pickup_date": loan.pickup_date.isoformat(),
                "return_date": loan.return_date.isoformat(),
                "status": loan.status,
                "contact_name": loan.contact_name,
                "email": loan.email,
                "phone": loan.phone,
                "notes": loan.notes,
                "return_notes": loan.return_notes,
                "pupils_reached": loan.pupils_reached,
                "amount_owed": str(loan.amount_owed),
                "privacy_consent": loan.privacy_consent,
                "created_at": loan.created_at.isoformat(),
                "anonymised_at": loan.anonymised_at.isoformat() if loan.anonymised_at else None,
            }
            for loan in loans
        ],
        "waiting_list": [
            {
                "kit": entry.item.title,
                "pickup_date": entry.pickup_date.isoformat(),
                "return_date": entry.return_date.isoformat(),
                "status": entry.status,
                "contact_name": entry.contact_name,
                "email": entry.email,
                "phone": entry.phone,
                "created_at": entry.created_at.isoformat(),
            }
            for entry in waiting
        ],
    }
