"""Mails about bookings, all queued through the outbox inside the caller's transaction.

Each mail has an outbox key per booking and purpose, so a retried state change never mails twice.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.i18n import page_language
from cms.outbox.layout import MailBrand, brand_for
from cms.outbox.services import Attachment, queue_mail
from cms.pages.services import site_root_url
from cms.participation.ical import CalendarEvent, build_calendar

from .models import Booking
from .tokens import make_cancel_token


def _language(booking: Booking) -> str:
    """The language of the techniekhuis's content, never the language of whoever triggered the mail."""
    return getattr(settings, "BOOKINGS_MAIL_LANGUAGE", None) or page_language(
        booking.slot.offering.techniekhuis
    )


def base_url(booking: Booking) -> str:
    """The root URL of the site the techniekhuis belongs to, else ``BOOKINGS_BASE_URL`` or the admin's."""
    return site_root_url(booking.slot.offering.techniekhuis, getattr(settings, "BOOKINGS_BASE_URL", None))


def brand(booking: Booking) -> MailBrand:
    """The house style of the region the techniekhuis belongs to (neutral without one)."""
    techniekhuis = booking.slot.offering.techniekhuis
    return brand_for(techniekhuis.get_site() if techniekhuis else None, base_url(booking))


def place(booking: Booking) -> str:
    """Where the lesson is, with the full address: the techniekhuis's, or the school's for a lesson
    at the school; a school location's name (and address) as the coordinator wrote it."""
    offering = booking.slot.offering
    if offering.location_kind == offering.Location.TECHNIEKHUIS and offering.techniekhuis_id:
        return offering.techniekhuis.location_line(offering.techniekhuis.title)
    if offering.location_kind == offering.Location.PRIMARY_SCHOOL:
        return booking.school.location_line(booking.school.name)
    return offering.place


def cancel_url(booking: Booking) -> str:
    return urljoin(base_url(booking), reverse("bookings:cancel", args=[make_cancel_token(booking)]))


def ical_sequence(booking: Booking) -> int:
    """SEQUENCE of the booking's calendar event: grows with every later update of the booking.

    Calendar apps only apply an update (a moved slot, a cancellation) whose SEQUENCE is higher
    than the one they have, so it counts seconds since the booking was made: 0 for the first
    confirmation, higher for every later change, without storing a counter.
    """
    seconds = int((booking.updated_at - booking.created_at).total_seconds())
    return max(seconds, 1 if booking.status == Booking.Status.CANCELLED else 0)


def change_stamp(booking: Booking) -> str:
    """Identifies one change of a booking (its ``updated_at``) in outbox keys: one mail per change."""
    return f"{booking.updated_at:%Y%m%d%H%M%S%f}"


def calendar_attachment(booking: Booking) -> Attachment:
    slot = booking.slot
    offering = slot.offering
    event = CalendarEvent(
        uid=f"booking-{booking.pk}-{booking.idempotency_key[:12]}@bookings",
        start=slot.starts_at,
        end=slot.ends_at,
        summary=_("Tech lesson: %(title)s") % {"title": offering.title},
        description=_("Group %(group)s, %(pupils)s pupils. Change or cancel: %(url)s")
        % {"group": booking.group, "pupils": booking.pupils, "url": cancel_url(booking)},
        location=place(booking),
        status="CANCELLED" if booking.status == Booking.Status.CANCELLED else "CONFIRMED",
        sequence=ical_sequence(booking),
    )
    return Attachment("les.ics", build_calendar([event]), "text/calendar")


def _context(booking: Booking) -> dict:
    return {
        "booking": booking,
        "slot": booking.slot,
        "offering": booking.slot.offering,
        "school": booking.school,
        "cancel_url": cancel_url(booking),
        "place": place(booking),
    }


def _queue(
    booking: Booking, purpose: str, subject: str, to: list[str], *, key: str = "", extra=None, **kwargs
) -> None:
    queue_mail(
        to=to,
        template=f"bookings/email/{purpose}",
        context={**_context(booking), **(extra or {})},
        subject=subject,
        key=key or f"booking-{booking.pk}-{purpose}",
        brand=brand(booking),
        **kwargs,
    )


def booking_received(booking: Booking) -> None:
    """The mail that matches the booking's state: confirmation (with .ics), request received, or waiting list."""
    with translation.override(_language(booking)):
        title = booking.slot.offering.title
        if booking.status == Booking.Status.CONFIRMED:
            _queue(
                booking,
                "confirmation",
                _("Booking confirmed: %(title)s") % {"title": title},
                [booking.email],
                attachments=[calendar_attachment(booking)],
            )
        elif booking.status == Booking.Status.REQUESTED:
            _queue(
                booking,
                "requested",
                _("Booking request received: %(title)s") % {"title": title},
                [booking.email],
            )
        elif booking.status == Booking.Status.WAITLISTED:
            _queue(
                booking, "waitlisted", _("On the waiting list: %(title)s") % {"title": title}, [booking.email]
            )


def booking_cancelled(booking: Booking) -> None:
    with translation.override(_language(booking)):
        _queue(
            booking,
            "cancelled",
            _("Booking cancelled: %(title)s") % {"title": booking.slot.offering.title},
            [booking.email],
            attachments=[calendar_attachment(booking)],
        )


def booking_changed(booking: Booking, changed: list[str], *, moved_from=None) -> None:
    """Confirm a change the school made through its link; a moved lesson comes with a new .ics."""
    with translation.override(_language(booking)):
        attachments = []
        if moved_from is not None and booking.holds_place:
            attachments.append(calendar_attachment(booking))
        _queue(
            booking,
            "changed",
            _("Booking changed: %(title)s") % {"title": booking.slot.offering.title},
            [booking.email],
            key=f"booking-{booking.pk}-changed-{change_stamp(booking)}",
            extra={
                "changed_labels": [str(Booking._meta.get_field(name).verbose_name) for name in changed],
                "moved_from": moved_from,
            },
            attachments=attachments,
        )


def booking_completed(booking: Booking) -> None:
    with translation.override(_language(booking)):
        _queue(
            booking,
            "completed",
            _("Thank you for your visit: %(title)s") % {"title": booking.slot.offering.title},
            [booking.email],
        )


def booking_reminder(booking: Booking) -> None:
    with translation.override(_language(booking)):
        _queue(
            booking,
            "reminder",
            _("Reminder: %(title)s on %(date)s")
            % {"title": booking.slot.offering.title, "date": booking.slot.date.strftime("%d-%m-%Y")},
            [booking.email],
            attachments=[calendar_attachment(booking)],
        )


def coordinator_addresses(booking: Booking) -> list[str]:
    techniekhuis = booking.slot.offering.techniekhuis
    if techniekhuis is None:
        return list(getattr(settings, "BOOKINGS_FALLBACK_COORDINATOR_EMAILS", []))
    addresses = [techniekhuis.email] if techniekhuis.email else []
    addresses += [email for email in techniekhuis.coordinators.values_list("user__email", flat=True) if email]
    return sorted(set(addresses))


def notify_coordinators(booking: Booking, *, event: str) -> None:
    """Tell the techniekhuis about a new, changed or cancelled booking."""
    to = coordinator_addresses(booking)
    if not to:
        return
    with translation.override(_language(booking)):
        if event == "new":
            subject = _("New booking: %(school)s, %(title)s")
        elif event == "changed":
            subject = _("Booking changed: %(school)s, %(title)s")
        else:
            subject = _("Booking cancelled: %(school)s, %(title)s")
        key = f"booking-{booking.pk}-coordinator-{event}"
        if event == "changed":  # a booking can change more than once
            key += f"-{change_stamp(booking)}"
        queue_mail(
            to=to,
            template="bookings/email/coordinator",
            subject=subject % {"school": booking.school.name, "title": booking.slot.offering.title},
            context={**_context(booking), "event": event},
            key=key,
            reply_to=[booking.email],
            brand=brand(booking),
        )
