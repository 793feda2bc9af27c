"""Certificates, the teacher's record and the professional-development figures.

* :func:`issue_certificate` runs when someone is checked in (``registration_attended``) at a date of
  an event the editor marked as professional development (kind and hours); idempotent per
  attendance; the certificate is mailed through the outbox.
* A teacher's record is everything attended under their e-mail address, opened by a signed link
  mailed to that address (:func:`send_record_link`); hours are summed per school year (1 August).
* A school's contact sees totals per teacher and school year only for teachers who consented
  (:func:`school_totals`), on a page opened by a signed link mailed to the school's contact address
  (:func:`send_school_link`); teachers of the school who did not consent appear only as a number
  (:func:`unshared_teacher_count`), never by name.
* When a registration is anonymised or deleted (AVG retention), its certificate goes with it
  (:func:`anonymise_certificates`; deletion cascades).
* :func:`activity_counts` gives activities and hours per school, kind and quarter (milestones, dashboard).
"""

import datetime as dt
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urljoin

from django.apps import apps
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from cms.errors import DomainError, InvalidSignedLink
from cms.events.models import Attendance
from cms.pages.models import EventPage
from cms.pages.services import site_root_url
from cms.signed_links import InvalidLink
from cms.snippets.models import School

from . import emails, pdf
from .models import Certificate, RecordConsent
from .tokens import RECORD_LINK, make_record_token, make_school_token, read_school_token


class RecordError(DomainError):
    pass


class InvalidRecordLink(RecordError, InvalidSignedLink):
    pass


class InvalidSchoolLink(RecordError, InvalidSignedLink):
    pass


# --- certificates ---------------------------------------------------------------------------


def earns_certificate(page: EventPage) -> bool:
    return page.is_professionalisation


def issue_certificate(attendance_id: int) -> Certificate | None:
    """The certificate for one attendance (made once; ``None`` when the event earns none), mailed."""
    with transaction.atomic():
        attendance = (
            Attendance.objects.select_for_update()
            .select_related("registration", "occurrence__page")
            .get(pk=attendance_id)
        )
        page = attendance.occurrence.page
        if not earns_certificate(page):
            return None
        if existing := Certificate.objects.filter(attendance=attendance).first():
            return existing
        registration = attendance.registration
        certificate = Certificate.objects.create(
            attendance=attendance,
            name=registration.name,
            email=registration.email.lower(),
            organisation=registration.organisation,
            activity=page.title,
            event_type=page.event_type,
            date=timezone.localtime(attendance.occurrence.start).date(),
            hours=page.professionalisation_hours,
        )
        emails.certificate_issued(
            certificate, page, render_certificate(certificate, page), record_url(certificate.email, page)
        )
    return certificate


@task()
def issue_certificate_later(attendance_id: int) -> bool:
    """The worker renders and mails the certificate, so checking someone in stays quick."""
    return issue_certificate(attendance_id) is not None


def house_style(page: EventPage | None) -> pdf.HouseStyle:
    """The region's name, colour and logo from ``cms.branding`` when installed; the defaults otherwise."""
    site = page.get_site() if page is not None else None
    if site is None:
        return pdf.HouseStyle()
    region = site.site_name or pdf.HouseStyle.region
    if not apps.is_installed("cms.branding"):
        return pdf.HouseStyle(region=region)
    branding = apps.get_model("branding", "RegionBranding").for_site(site)
    logo = None
    if branding.logo_id:
        try:
            rendition = branding.logo.get_rendition("max-600x300|format-png")
            with rendition.file.open("rb") as file:
                logo = file.read()
        except (OSError, ValueError):
            logo = None
    return pdf.HouseStyle(region=region, colour=branding.primary_colour or pdf.DEFAULT_COLOUR, logo=logo)


def verify_url(certificate: Certificate, page: EventPage | None = None) -> str:
    path = reverse("professionalisation:verify", args=[certificate.code])
    return urljoin(site_root_url(page), path)


def _page_of(certificate: Certificate) -> EventPage | None:
    return EventPage.objects.filter(occurrences__attendances__certificate=certificate).first()


def render_certificate(
    certificate: Certificate, page: EventPage | None = None, style: pdf.HouseStyle | None = None
) -> bytes:
    page = page or _page_of(certificate)
    return pdf.render(certificate, style or house_style(page), verify_url=verify_url(certificate, page))


def certificate_by_code(code: str) -> Certificate | None:
    code = code.strip().upper().replace(" ", "")
    if len(code) == 10:
        code = f"{code[:5]}-{code[5:]}"
    return Certificate.objects.filter(code=code).first()


def anonymise_certificates() -> int:
    """Blank name, address and organisation of every certificate whose registration was anonymised
    (idempotent; runs with ``anonymise_participants``). Code, activity, date and hours stay, so the
    code still verifies (without a name) and the hours keep counting. Consents of addresses left
    without any certificate go too. Returns how many certificates changed."""
    with transaction.atomic():
        changed = Certificate.objects.filter(
            attendance__registration__anonymised_at__isnull=False, anonymised_at__isnull=True
        ).update(name="", email="", organisation="", anonymised_at=timezone.now())
        if changed:
            kept = Certificate.objects.exclude(email="").values("email")
            RecordConsent.objects.exclude(email__in=kept).delete()
    return changed


# --- the teacher's record -------------------------------------------------------------------


def school_year_of(day: dt.date) -> str:
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


@dataclass
class Record:
    email: str
    certificates: list[Certificate]
    hours_per_school_year: dict[str, Decimal] = field(default_factory=dict)
    consent: RecordConsent | None = None

    @property
    def total_hours(self) -> Decimal:
        return sum(self.hours_per_school_year.values(), Decimal(0))


def record_for(email: str) -> Record:
    certificates = list(Certificate.objects.filter(email__iexact=email.strip()).order_by("-date", "pk"))
    per_year: dict[str, Decimal] = defaultdict(Decimal)
    for certificate in certificates:
        per_year[school_year_of(certificate.date)] += certificate.hours
    consent = RecordConsent.objects.filter(email__iexact=email.strip()).select_related("school").first()
    return Record(email.strip().lower(), certificates, dict(sorted(per_year.items(), reverse=True)), consent)


def record_url(email: str, page=None) -> str:
    return urljoin(
        site_root_url(page), reverse("professionalisation:record", args=[make_record_token(email)])
    )


def email_for_token(token: str) -> str:
    try:
        return RECORD_LINK.read(token)
    except InvalidLink:
        raise InvalidRecordLink(
            _("This link is not valid or has expired. Ask for a new one."), code="invalid_token"
        ) from None


def send_record_link(email: str) -> bool:
    """Mail the record's link to ``email`` when it has certificates (the caller always answers alike)."""
    email = email.strip().lower()
    if not Certificate.objects.filter(email__iexact=email).exists():
        return False
    emails.record_link(email, record_url(email))
    return True


def certificates_zip(record: Record) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for certificate in record.certificates:
            archive.writestr(
                f"certificaat-{certificate.date:%Y-%m-%d}-{certificate.code}.pdf",
                render_certificate(certificate),
            )
    return buffer.getvalue()


def set_consent(email: str, school: School | None) -> RecordConsent | None:
    """Give (``school``) or withdraw (``None``) consent to show the record's totals to the school."""
    email = email.strip().lower()
    with transaction.atomic():
        RecordConsent.objects.filter(email__iexact=email).delete()
        if school is None:
            return None
        return RecordConsent.objects.create(email=email, school=school)


@dataclass(frozen=True)
class YearTotal:
    school_year: str
    activities: int
    hours: Decimal


@dataclass(frozen=True)
class TeacherTotal:
    name: str
    email: str
    activities: int
    hours: Decimal
    per_school_year: tuple[YearTotal, ...] = ()


def school_totals(school: School) -> list[TeacherTotal]:
    """Totals per teacher of a school, newest school year first, only for teachers who consented
    (their latest name is shown). Teachers without consent are only counted
    (:func:`unshared_teacher_count`)."""
    totals = []
    for consent in RecordConsent.objects.filter(school=school).order_by("email"):
        record = record_for(consent.email)
        if not record.certificates:
            continue
        activities: dict[str, int] = defaultdict(int)
        for certificate in record.certificates:
            activities[school_year_of(certificate.date)] += 1
        years = tuple(
            YearTotal(year, activities[year], hours) for year, hours in record.hours_per_school_year.items()
        )
        totals.append(
            TeacherTotal(
                record.certificates[0].name,
                consent.email,
                len(record.certificates),
                record.total_hours,
                years,
            )
        )
    return sorted(totals, key=lambda total: (total.name.lower(), total.email))


#: From this many on, the school's page gives the number of teachers who did not share; below it
#: (one or two) it says only "fewer than three": a school contact could tell who one or two are
#: from who was away on the day of an activity (the minimum cell size of published statistics).
UNSHARED_EXACT_FROM = 3


def unshared_teacher_count(school: School) -> int:
    """How many teachers attended under this school's name without sharing their record with any school.

    The school is recognised the way :func:`activity_counts` does when there is no consent: the
    organisation they registered with is the school's name. A teacher who chose another school
    belongs there; anonymised certificates (no address) are not people any more. Only the number
    leaves this function, so the school's page never tells who they are (and below
    :data:`UNSHARED_EXACT_FROM` not even how many)."""
    shared = RecordConsent.objects.values("email")
    return (
        Certificate.objects.filter(organisation__iexact=school.name.strip())
        .exclude(email="")
        .exclude(email__in=shared)
        .values("email")
        .distinct()
        .count()
    )


# --- the school's overview ------------------------------------------------------------------


def school_url(school: School, page=None) -> str:
    """The signed link to the school's overview, on the region's site when the school has one."""
    site = school.region.site if school.region_id and school.region.site_id else None
    token = make_school_token(school.pk, school.contact_email)
    return urljoin(site_root_url(site or page), reverse("professionalisation:school", args=[token]))


def send_school_link(school: School) -> bool:
    """Mail the overview's link to the school's contact address; ``False`` when it has none (the
    form answers alike either way, so it never tells who the contact is)."""
    if not school.contact_email:
        return False
    emails.school_link(school, school_url(school))
    return True


def school_for_token(token: str) -> School:
    """The school of a link, if the link is genuine, recent and was sent to its current contact."""
    error = InvalidSchoolLink(_("This link is not valid or has expired. Ask for a new one."))
    try:
        school_id, contact = read_school_token(token)
    except InvalidLink:
        raise error from None
    school = School.objects.filter(pk=school_id).first()
    if school is None or not school.contact_email or school.contact_email.strip().lower() != contact:
        raise error
    return school


# --- figures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityCount:
    school: str
    kind: str
    quarter: str
    activities: int
    hours: Decimal


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def certificates_in(start: dt.date | None = None, end: dt.date | None = None) -> QuerySet[Certificate]:
    certificates = Certificate.objects.all()
    if start:
        certificates = certificates.filter(date__gte=start)
    if end:
        certificates = certificates.filter(date__lte=end)
    return certificates


def activity_counts(start: dt.date | None = None, end: dt.date | None = None) -> list[ActivityCount]:
    """Attended professional-development activities and hours per school, kind and quarter.

    The school is the one the teacher named in their consent, else a school whose name matches the
    organisation they registered with, else "" (unknown). Counts are totals, never per person.
    """
    consents = dict(RecordConsent.objects.values_list("email", "school__name"))
    schools = {name.lower(): name for name in School.objects.values_list("name", flat=True)}
    grouped: dict[tuple[str, str, str], list] = defaultdict(lambda: [0, Decimal(0)])
    for email, organisation, kind, day, hours in certificates_in(start, end).values_list(
        "email", "organisation", "event_type", "date", "hours"
    ):
        school = consents.get(email) or schools.get(organisation.strip().lower(), "")
        key = (school, kind, _quarter(day))
        grouped[key][0] += 1
        grouped[key][1] += hours
    return [ActivityCount(*key, count, hours) for key, (count, hours) in sorted(grouped.items())]
