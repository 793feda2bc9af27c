"""Mails about event registrations and challenge teams, queued through the outbox.

Each mail has an outbox key per registration and purpose, so a retried change never mails twice.
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
from cms.participation.ical import build_calendar

from .calendars import calendar_event, event_location
from .models import ChallengeTeam, EventRegistration
from .tokens import make_cancel_token


def _language(page) -> str:
    """The language of the event's (challenge's) content, never that of whoever triggered the mail."""
    return getattr(settings, "EVENTS_MAIL_LANGUAGE", None) or page_language(page)


def brand(page) -> MailBrand:
    """The house style of the region whose site the event (challenge) is on."""
    return brand_for(page.get_site(), site_root_url(page))


def cancel_url(registration: EventRegistration) -> str:
    path = reverse("events:cancel", args=[make_cancel_token(registration)])
    return urljoin(site_root_url(registration.event), path)


def calendar_attachment(registration: EventRegistration) -> Attachment:
    cancelled = registration.status == EventRegistration.Status.CANCELLED
    event = calendar_event(
        registration.event,
        status="CANCELLED" if cancelled else "CONFIRMED",
        uid_suffix=f"-registration-{registration.pk}",
        sequence=1 if cancelled else 0,
    )
    return Attachment("event.ics", build_calendar([event], method="PUBLISH"), "text/calendar")


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
        key=f"event-registration-{registration.pk}-{purpose}",
        brand=brand(registration.event),
        **kwargs,
    )


def registration_confirmed(registration: EventRegistration, *, promoted: bool = False) -> None:
    """The confirmation with the event as an .ics attachment and the cancel link."""
    with translation.override(_language(registration.event)):
        _queue(
            registration,
            "confirmation",
            _("Registration confirmed: %(title)s") % {"title": registration.event.title},
            attachments=[calendar_attachment(registration)],
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
