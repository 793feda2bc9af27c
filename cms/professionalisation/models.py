"""Certificates of attended professional-development activities and teachers' consent for their school.

A :class:`Certificate` is issued for one :class:`~cms.events.models.Attendance` (a teacher checked in
at one date of a masterclass, training, teacher internship or company visit that the editor gave
hours). It keeps what it certifies (name, activity, date, hours) so it still verifies after the event
page changes; its ``code`` is what the public verification page looks up.

AVG: a certificate goes with its registration. Deleting the registration deletes its attendances
and so its certificates (cascade); anonymising it blanks the certificate's name, address and
organisation and sets ``anonymised_at``. The code, activity, date and hours stay: the verification
page then still confirms the code was issued for that activity, without a name, and the figures keep
counting the hours.
"""

import secrets

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

#: No 0/O, 1/I/L: a code is read from paper and typed in.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


class Certificate(models.Model):
    attendance = models.OneToOneField(
        "events.Attendance",
        verbose_name=_("attendance"),
        on_delete=models.CASCADE,
        related_name="certificate",
    )
    code = models.CharField(
        _("verification code"), max_length=11, unique=True, default=new_code, editable=False
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation or school"), max_length=200, blank=True)
    activity = models.CharField(_("activity"), max_length=255)
    event_type = models.CharField(_("kind"), max_length=20)
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        indexes = [models.Index(Lower("email"), name="prof_certificate_email")]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class RecordConsent(models.Model):
    """A teacher lets their school's contact see the totals of their record (never the details)."""

    email = models.EmailField(_("email"), unique=True)
    school = models.ForeignKey(
        "snippets.School", verbose_name=_("school"), on_delete=models.CASCADE, related_name="record_consents"
    )
    granted_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent to share totals with the school")
        verbose_name_plural = _("consents to share totals with the school")

    def __str__(self) -> str:
        return f"{self.email} → {self.school_id}"
