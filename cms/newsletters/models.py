"""Subscribers, segments, newsletter pages and their sends.

A newsletter is a Wagtail page (so it goes through the editorial workflow and has a web version);
sending it creates a :class:`NewsletterSend` with one :class:`Delivery` per recipient, written
up front in one transaction so that an interrupted send can always be resumed exactly.
"""

import secrets

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.text import SingleLineCharField, validate_single_line

from .blocks import NewsletterBodyBlock
from .rendering import render_newsletter

SUBJECT_MAX_LENGTH = 150
NAME_MAX_LENGTH = 150


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Segment(models.Model):
    """A mailing list subscribers opt in to (primary schools, vmbo, partners, parents, ...)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Visitors can choose this list on the subscribe form.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("is_public")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")

    def __str__(self) -> str:
        return self.name


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        ACTIVE = "active", _("active")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BOUNCED = "bounced", _("bounced")

    class Source(models.TextChoices):
        FORM = "form", _("subscribe form")
        API = "api", _("API")
        IMPORT = "import", _("import")
        ADMIN = "admin", _("admin")

    email = models.EmailField(_("email address"), unique=True)
    name = SingleLineCharField(
        _("name"), max_length=NAME_MAX_LENGTH, blank=True, validators=[validate_single_line]
    )
    segments = models.ManyToManyField(
        Segment, verbose_name=_("mailing lists"), blank=True, related_name="subscribers"
    )
    region = models.ForeignKey(
        "snippets.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.FORM)
    confirm_token = models.CharField(_("confirmation token"), max_length=64, default=new_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    consent_requested_at = models.DateTimeField(_("consent requested"), null=True, blank=True)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("bounced"), null=True, blank=True)
    last_error = models.TextField(_("last delivery error"), blank=True)

    panels = [
        FieldPanel("email"),
        FieldPanel("name"),
        FieldPanel("segments"),
        FieldPanel("region"),
        FieldPanel("status", read_only=True),
    ]

    class Meta:
        ordering = ["email"]
        indexes = [models.Index(fields=["status"])]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email

    @property
    def mailing_lists(self) -> str:
        """The slugs of its mailing lists, space-separated (as in ``export_subscribers``)."""
        return " ".join(segment.slug for segment in self.segments.all())


class NewsletterArchivePage(Page):
    """The public archive: the web versions of every newsletter sent."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["newsletters.NewsletterPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["newsletters"] = (
            NewsletterPage.objects.live().public().child_of(self).order_by("-first_published_at")
        )
        return context


class NewsletterPage(Page):
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH, validators=[validate_single_line])
    preheader = models.CharField(
        _("preview text"),
        max_length=200,
        validators=[validate_single_line],
        blank=True,
        help_text=_("Shown by mail programs next to the subject."),
    )
    body = StreamField(NewsletterBodyBlock(), verbose_name=_("content"))
    segments = ParentalManyToManyField(
        Segment,
        verbose_name=_("send to mailing lists"),
        blank=True,
        related_name="newsletters",
        help_text=_("Leave empty to send to every active subscriber."),
    )
    region = models.ForeignKey(
        "snippets.Region",
        verbose_name=_("only subscribers of region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["newsletters.NewsletterArchivePage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("segments"), FieldPanel("region")], heading=_("Audience")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("subject")]

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    @property
    def preview_modes(self):
        return [
            ("", _("Web version")),
            ("email", pgettext_lazy("newsletter preview mode", "Email")),
            ("text", _("Plain text")),
        ]

    def serve_preview(self, request, mode_name):

        if mode_name in ("email", "text"):
            rendered = render_newsletter(self, request=request)
            if mode_name == "email":
                return HttpResponse(rendered.html)
            return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context["rendered"] = render_newsletter(self, request=request, web=True)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.allow_inline_styles = True  # the web version is the mail's HTML, styled inline
        return response


class NewsletterSend(models.Model):
    """One sending of a newsletter: the content as sent and the state of the run."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    newsletter = models.ForeignKey(
        NewsletterPage, verbose_name=_("newsletter"), on_delete=models.PROTECT, related_name="sends"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    scheduled_at = models.DateTimeField(_("scheduled for"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH, blank=True)
    body_html = models.TextField(_("HTML"), blank=True)
    body_text = models.TextField(_("plain text"), blank=True)
    base_url = models.CharField(_("site address"), max_length=200, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-scheduled_at"]
        verbose_name = _("newsletter send")
        verbose_name_plural = _("newsletter sends")

    def __str__(self) -> str:
        return f"{self.newsletter.title} ({self.scheduled_at:%Y-%m-%d %H:%M})"


class Delivery(models.Model):
    """One recipient of one send. ``sent`` is written right after the mail server accepted the mail."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped")

    send = models.ForeignKey(NewsletterSend, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(_("email address"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed through this mail"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["send", "subscriber"], name="newsletters_one_delivery_per_send")
        ]
        indexes = [models.Index(fields=["send", "status"])]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.email}: {self.status}"


class NewsletterLink(models.Model):
    """A link in a sent newsletter and how often it was followed.

    Counted per link, never per person: the counting URL is the same in every recipient's mail,
    so nothing is stored about who clicked (``NEWSLETTER_COUNT_CLICKS``, off by default).
    """

    send = models.ForeignKey(
        NewsletterSend, verbose_name=_("newsletter send"), on_delete=models.CASCADE, related_name="links"
    )
    url = models.URLField(_("address"), max_length=2000)
    clicks = models.PositiveIntegerField(_("clicks"), default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("newsletter link")
        verbose_name_plural = _("newsletter links")
        constraints = [models.UniqueConstraint(fields=["send", "url"], name="newsletters_link_once_per_send")]

    def __str__(self) -> str:
        return self.url
