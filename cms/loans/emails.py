"""Mails about loans, all queued through the outbox inside the caller's transaction.

Each mail has an outbox key per reservation, purpose and change, so a retried step never mails twice.
The confirmation carries an iCalendar file with the pick-up day and the return day.
"""

import datetime as dt
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.outbox.services import Attachment, queue_mail
from cms.pages.services import site_root_url
from cms.participation.ical import CalendarEvent, build_calendar

from .models import Reservation, WaitingListEntry
from .tokens import make_manage_token


def _language() -> str:
    return getattr(settings, "LOANS_MAIL_LANGUAGE", None) or settings.LANGUAGE_CODE


def base_url(reservation: Reservation | WaitingListEntry) -> str:
    point = (
        reservation.copy.pickup_point if isinstance(reservation, Reservation) else reservation.pickup_point
    )
    techniekhuis = point.techniekhuis if point is not None else None
    return site_root_url(techniekhuis, getattr(settings, "LOANS_BASE_URL", None))


def manage_url(reservation: Reservation) -> str:
    return urljoin(base_url(reservation), reverse("loans:manage", args=[make_manage_token(reservation)]))


def stamp(reservation: Reservation) -> str:
    return f"{reservation.updated_at:%Y%m%d%H%M%S%f}"


def _day_event(
    reservation: Reservation, day: dt.date, kind: str, summary: str, sequence: int
) -> CalendarEvent:
    """A half-hour at opening time on ``day`` (calendar apps show it as a reminder of the errand)."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))
    point = reservation.copy.pickup_point
    return CalendarEvent(
        uid=f"loan-{reservation.pk}-{kind}-{reservation.idempotency_key[:12]}@loans",
        start=start,
        end=start + dt.timedelta(minutes=30),
        summary=summary,
        description=_("Inventory number %(number)s. Opening hours: %(hours)s. Change or cancel: %(url)s")
        % {
            "number": reservation.copy.inventory_number,
            "hours": point.opening_hours or "-",
            "url": manage_url(reservation),
        },
        location=f"{point.name}, {point.address}".strip(", "),
        status="CANCELLED" if reservation.status == Reservation.Status.CANCELLED else "CONFIRMED",
        sequence=sequence,
    )


def calendar_attachment(reservation: Reservation) -> Attachment:
    sequence = max(int((reservation.updated_at - reservation.created_at).total_seconds()), 0)
    title = reservation.item.title
    events = [
        _day_event(
            reservation,
            reservation.pickup_date,
            "pickup",
            _("Pick up kit: %(title)s") % {"title": title},
            sequence,
        ),
        _day_event(
            reservation,
            reservation.return_date,
            "return",
            _("Return kit: %(title)s") % {"title": title},
            sequence,
        ),
    ]
    return Attachment("uitleen.ics", build_calendar(events), "text/calendar")


def _queue(
    reservation: Reservation, purpose: str, subject: str, *, key: str = "", extra=None, **kwargs
) -> None:
    queue_mail(
        to=[reservation.email],
        template=f"loans/email/{purpose}",
        context={
            "reservation": reservation,
            "item": reservation.item,
            "copy": reservation.copy,
            "point": reservation.copy.pickup_point,
            "school": reservation.school,
            "manage_url": manage_url(reservation),
            **(extra or {}),
        },
        subject=subject,
        key=key or f"loan-{reservation.pk}-{purpose}",
        reply_to=[email] if (email := reservation.copy.pickup_point.email) else [],
        **kwargs,
    )


def reservation_received(reservation: Reservation) -> None:
    """Confirmation with the .ics (pick-up and return day), or "request received" when it awaits approval."""
    with translation.override(_language()):
        title = reservation.item.title
        if reservation.status == Reservation.Status.CONFIRMED:
            _queue(
                reservation,
                "confirmation",
                _("Loan confirmed: %(title)s") % {"title": title},
                attachments=[calendar_attachment(reservation)],
            )
        else:
            _queue(reservation, "requested", _("Loan request received: %(title)s") % {"title": title})


def reservation_changed(reservation: Reservation, changed: list[str]) -> None:
    with translation.override(_language()):
        _queue(
            reservation,
            "changed",
            _("Loan changed: %(title)s") % {"title": reservation.item.title},
            key=f"loan-{reservation.pk}-changed-{stamp(reservation)}",
            attachments=[calendar_attachment(reservation)] if "period" in changed else [],
        )


def reservation_cancelled(reservation: Reservation, *, reason: str = "") -> None:
    with translation.override(_language()):
        _queue(
            reservation,
            "cancelled",
            _("Loan cancelled: %(title)s") % {"title": reservation.item.title},
            extra={"reason": reason},
            attachments=[calendar_attachment(reservation)],
        )


def reservation_moved(reservation: Reservation, *, old_point) -> None:
    """The copy went out of service; the loan now uses another copy (perhaps at another pick-up point)."""
    with translation.override(_language()):
        _queue(
            reservation,
            "moved",
            _("Your loan uses another copy: %(title)s") % {"title": reservation.item.title},
            key=f"loan-{reservation.pk}-moved-{stamp(reservation)}",
            extra={"old_point": old_point, "point_changed": old_point.pk != reservation.copy.pickup_point_id},
            attachments=[calendar_attachment(reservation)],
        )


def waitlisted(entry: WaitingListEntry) -> None:
    with translation.override(_language()):
        queue_mail(
            to=[entry.email],
            template="loans/email/waitlisted",
            context={"entry": entry, "item": entry.item},
            subject=_("On the waiting list: %(title)s") % {"title": entry.item.title},
            key=f"loan-waiting-{entry.pk}",
        )


def offer(reservation: Reservation) -> None:
    with translation.override(_language()):
        _queue(
            reservation, "offer", _("A copy is free for you: %(title)s") % {"title": reservation.item.title}
        )


def offer_expired(reservation: Reservation) -> None:
    with translation.override(_language()):
        _queue(
            reservation, "offer_expired", _("Offer expired: %(title)s") % {"title": reservation.item.title}
        )


def pickup_reminder(reservation: Reservation) -> None:
    with translation.override(_language()):
        _queue(
            reservation,
            "pickup_reminder",
            _("Reminder: pick up %(title)s on %(date)s")
            % {"title": reservation.item.title, "date": reservation.pickup_date.strftime("%d-%m-%Y")},
        )


def return_reminder(reservation: Reservation) -> None:
    with translation.override(_language()):
        _queue(
            reservation,
            "return_reminder",
            _("Reminder: return %(title)s on %(date)s")
            % {"title": reservation.item.title, "date": reservation.return_date.strftime("%d-%m-%Y")},
        )


def overdue(reservation: Reservation, today: dt.date) -> None:
    with translation.override(_language()):
        _queue(
            reservation,
            "overdue",
            _("Please return %(title)s") % {"title": reservation.item.title},
            key=f"loan-{reservation.pk}-overdue-{today:%Y%m%d}",
        )


def returned(reservation: Reservation) -> None:
    with translation.override(_language()):
        _queue(
            reservation,
            "returned",
            _("Thank you for returning %(title)s") % {"title": reservation.item.title},
        )
