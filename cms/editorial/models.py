from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.text import SingleLineCharField


class Contribution(models.Model):
    """Lesson material a teacher submitted through the public form or API.

    The material itself lives in a draft ``LessonKitPage`` (``page``) that goes through the
    lesson-kit workflow; this record keeps who sent it and what the reviewers decided.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    title = SingleLineCharField(_("title"), max_length=255)
    description = models.TextField(_("description"))
    target_groups = models.ManyToManyField(
        "snippets.TargetGroup", verbose_name=_("target groups"), related_name="+"
    )
    themes = models.ManyToManyField("snippets.Theme", verbose_name=_("themes"), blank=True, related_name="+")
    contributor_name = SingleLineCharField(_("contributor name"), max_length=200)
    contributor_email = models.EmailField(_("contributor email"))
    licence_consent = models.BooleanField(_("licence consent"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    reviewer_comment = models.TextField(_("reviewer comment"), blank=True)
    page = models.OneToOneField(
        "pages.LessonKitPage",
        verbose_name=_("lesson kit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contribution",
    )
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return f"{self.title} ({self.contributor_name})"
