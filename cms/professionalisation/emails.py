"""Mails of the professional-development record, queued through the outbox."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from cms.i18n import page_language
from cms.outbox.layout import brand_for
from cms.outbox.services import Attachment, queue_mail
from cms.pages.models import EventPage
from cms.pages.services import site_root_url
from cms.snippets.models import School

from .models import Certificate


def certificate_issued(certificate: Certificate, page: EventPage, pdf: bytes, record_url: str) -> None:
    """The certificate as a PDF, with the link to the teacher's record."""
    with translation.override(page_language(page)):
        queue_mail(
            to=[certificate.email],
            template="professionalisation/email/certificate",
            context={"certificate": certificate, "event": page, "record_url": record_url},
            subject=_("Your certificate: %(title)s") % {"title": certificate.activity},
            key=f"certificate-{certificate.pk}",
            attachments=[Attachment(f"certificaat-{certificate.code}.pdf", pdf, "application/pdf")],
            brand=brand_for(page.get_site(), site_root_url(page)),
        )


def record_link(email: str, url: str) -> None:
    """The magic link to the teacher's record (valid for a week; sent again on every request)."""
    with translation.override(settings.LANGUAGE_CODE):
        queue_mail(
            to=[email],
            template="professionalisation/email/record_link",
            context={"record_url": url},
            subject=_("Your professional development record"),
        )


def school_link(school: School, url: str) -> None:
    """The magic link to the school's overview, to the school's contact address only."""
    site = school.region.site if school.region_id and school.region.site_id else None
    with translation.override(settings.LANGUAGE_CODE):
        queue_mail(
            to=[school.contact_email],
            template="professionalisation/email/school_link",
            context={"school": school, "school_url": url},
            subject=_("Professional development of your school's teachers"),
            brand=brand_for(site, site_root_url(site)),
        )
