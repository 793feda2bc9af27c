"""Mails about event registrations and challenge teams, queued through the outbox.

Each mail has an outbox key per registration and purpose, so a retried change never mails twice.
"""

import io
from urllib.parse import urljoin

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.i18n import page_language
from cms.outbox.layout import MailBrand, brand_for
from cms.outbox.services import Attachment, queue_mail
from cms.pages.models import EventOccurrence
from cms.pages.services import site_root_url
from cms.participation.ical import build_calendar

from .calendars import calendar_event, event_location
from .models import ChallengeTeam, EventRegistration
from .tokens import make_cancel_token, make_checkin_token


def _language(page) -> str:
    """The language of the event's (challenge's) content, never that of whoever triggered the mail."""
    return getattr(settings, "EVENTS_MAIL_LANGUAGE", None) or page_language(page)


def brand(page) -> MailBrand:
    """The house style of the region whose site the event (challenge) is on."""
    return brand_for(page.get_site(), site_root_url(page))


def cancel_url(registration: EventRegistration) -> str:
    path = reverse("events:cancel", args=[make_cancel_token(registration)])
    return urljoin(site_root_url(registration.event), path)


def registration_dates(registration: EventRegistration) -> list[EventOccurrence | None]:
    """The dates a registration is for: its one date, or every date of the event (None: no rows)."""
    if registration.occurrence_id is not None:
        return [registration.occurrence]
    return list(registration.event.dates) or [None]


def calendar_attachment(registration: EventRegistration) -> Attachment:
    """The registrant's own calendar entries (one per date), or their cancellation (``METHOD:CANCEL``)."""
    cancelled = registration.status == EventRegistration.Status.CANCELLED
    entries = []
    for occurrence in registration_dates(registration):
        sequence = occurrence.sequence if occurrence is not None else 0
        entries.append(
            calendar_event(
                registration.event,
                occurrence,
                status="CANCELLED" if cancelled else None,
                uid_suffix=f"-registration-{registration.pk}",
                sequence=sequence + 1 if cancelled else sequence,
            )
        )
    method = "CANCEL" if cancelled else "PUBLISH"
    return Attachment("event.ics", build_calendar(entries, method=method), "text/calendar")


def cancellation_attachment(registration: EventRegistration, dates: list[EventOccurrence]) -> Attachment:
    """``METHOD:CANCEL`` for the registrant's entries of cancelled ``dates`` (their raised SEQUENCE)."""
    entries = [
        calendar_event(registration.event, occurrence, uid_suffix=f"-registration-{registration.pk}")
        for occurrence in dates
    ]
    return Attachment("cancelled.ics", build_calendar(entries, method="CANCEL"), "text/calendar")


def _queue(registration: EventRegistration, purpose: str, subject: str, **kwargs) -> None:
    queue_mail(
        to=[registration.email],
        template=f"events/email/{purpose}",
        context={
            "registration": registration,
            "event": registration.event,
            "event_url": registration.event.full_url or "",
            "location": event_location(registration.event) if registration.event.location_name else "",
            "cancel_url": cancel_url(registration),
            **kwargs.pop("context", {}),
        },
        subject=subject,
        key=kwargs.pop("key", f"event-registration-{registration.pk}-{purpose}"),
        brand=brand(registration.event),
        **kwargs,
    )


def checkin_url(registration: EventRegistration) -> str:
    """What the QR code holds: the organisers' check-in link with a signed token (no personal data)."""
    path = reverse("events_admin:scan", args=[make_checkin_token(registration)])
    return urljoin(site_root_url(registration.event), path)


def checkin_qr(registration: EventRegistration) -> Attachment:
    buffer = io.BytesIO()
    segno.make(checkin_url(registration), error="m").save(buffer, kind="png", scale=6, border=4)
    return Attachment("toegangscode.png", buffer.getvalue(), "image/png")


def registration_confirmed(registration: EventRegistration, *, promoted: bool = False) -> None:
    """The confirmation with the event as an .ics attachment, the check-in QR code and the cancel link."""
    with translation.override(_language(registration.event)):
        _queue(
            registration,
            "confirmation",
            _("Registration confirmed: %(title)s") % {"title": registration.event.title},
            attachments=[calendar_attachment(registration), checkin_qr(registration)],
            context={"promoted": promoted},
        )


def registration_waitlisted(registration: EventRegistration) -> None:
    with translation.override(_language(registration.event)):
        _queue(
            registration,
            "waitlisted",
            _("On the waiting list: %(title)s") % {"title": registration.event.title},
        )


def registration_cancelled(registration: EventRegistration) -> None:
    with translation.override(_language(registration.event)):
        _queue(
            registration,
            "cancelled",
            _("Registration cancelled: %(title)s") % {"title": registration.event.title},
            attachments=[calendar_attachment(registration)],
        )


def event_cancelled(registration: EventRegistration, dates: list[EventOccurrence], *, reason: str) -> None:
    """The organiser cancelled ``dates`` (or the whole event): the reason and a calendar cancellation."""
    with translation.override(_language(registration.event)):
        _queue(
            registration,
            "event_cancelled",
            _("Cancelled: %(title)s") % {"title": registration.event.title},
            attachments=[cancellation_attachment(registration, dates)],
            context={"dates": dates, "reason": reason, "series_continues": not registration.event.cancelled},
            key=f"event-registration-{registration.pk}-event-cancelled-{'-'.join(str(o.pk) for o in dates)}",
        )


def team_registered(team: ChallengeTeam) -> None:
    with translation.override(_language(team.challenge)):
        queue_mail(
            to=[team.teacher_email],
            template="events/email/team_registered",
            context={
                "team": team,
                "challenge": team.challenge,
                "challenge_url": team.challenge.full_url or "",
            },
            subject=_("Team registered: %(team)s for %(title)s")
            % {"team": team.team_name, "title": team.challenge.title},
            key=f"challenge-team-{team.pk}-registered",
            brand=brand(team.challenge),
        )
