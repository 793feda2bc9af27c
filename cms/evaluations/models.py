"""Evaluations after lessons and events: question sets, the invitations we mail, the answers we get.

An :class:`Invitation` is made once per participation (a booking, an event registration; see
:mod:`cms.evaluations.registry`) and holds no personal data: the address is read from the source
when a mail goes out, so an anonymised booking or registration is never mailed. A
:class:`Response` is not linked to its invitation (answers stay anonymous); it carries only what
the results need (subject, kind, region, date) and, if the respondent opted in, their name and
address. (Anonymous as far as the results and exports show: someone with database access can still
narrow a response down to the invitations of the same offering on the same date, often one class.)
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from cms.pages.models import EventPage
from cms.participation.idempotency import new_idempotency_key
from cms.text import SingleLineCharField

#: Kind of a booked lesson; events are ``event:<event type>``.
LESSON_KIND = "lesson"
EVENT_KIND_PREFIX = "event:"


def kind_choices() -> list[tuple[str, str]]:
    """What a question set can be for: booked lessons, one type of event, or any event without its own set."""
    return [
        (LESSON_KIND, _("Booked lesson")),
        *((EVENT_KIND_PREFIX + value, label) for value, label in EventPage.EventType.choices),
        (EVENT_KIND_PREFIX, _("Any other event")),
    ]


class QuestionSet(ClusterableModel):
    """The questions participants of one kind of offering or event get afterwards."""

    name = SingleLineCharField(_("name"), max_length=120)
    kind = models.CharField(_("for"), max_length=40, choices=kind_choices)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the questions."))
    active = models.BooleanField(
        _("in use"), default=True, help_text=_("Only one question set per kind can be in use.")
    )
    #: Identifies a default set loaded from ``data/question_sets.json`` (empty for editors' own sets).
    default_key = models.CharField(max_length=60, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("active"),
        InlinePanel("questions", label=_("Questions"), min_num=1),
    ]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("evaluation question set")
        verbose_name_plural = _("evaluation question sets")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(active=True), name="evaluations_one_active_set_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if (
            self.active
            and QuestionSet.objects.filter(kind=self.kind, active=True).exclude(pk=self.pk).exists()
        ):
            raise ValidationError({"active": _("Another question set for this kind is in use already.")})


class Question(Orderable):
    """One question: a rating from 1 to 5, one of several choices, or open text."""

    class Kind(models.TextChoices):
        RATING = "rating", _("rating 1-5")
        CHOICE = "choice", _("multiple choice")
        TEXT = "text", _("open text")

    question_set = ParentalKey(QuestionSet, on_delete=models.CASCADE, related_name="questions")
    text = SingleLineCharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=8, choices=Kind.choices, default=Kind.RATING)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For multiple choice: one choice per line.")
    )
    required = models.BooleanField(_("answer required"), default=True)

    panels = [FieldPanel("text"), FieldPanel("kind"), FieldPanel("choices"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})


class Invitation(models.Model):
    """The one evaluation invitation for one participation (``source`` + ``participation_id``)."""

    class Status(models.TextChoices):
        SENT = "sent", _("sent")
        SKIPPED = "skipped", _("not sent")

    source = models.CharField(_("source"), max_length=40)
    participation_id = models.PositiveBigIntegerField(_("participation"))
    key = models.CharField(max_length=64, unique=True, default=new_idempotency_key, editable=False)
    question_set = models.ForeignKey(
        QuestionSet, verbose_name=_("question set"), on_delete=models.PROTECT, related_name="invitations"
    )
    subject_key = models.CharField(_("subject"), max_length=60)
    subject_title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=40)
    occurred_on = models.DateField(_("date"))
    region = models.ForeignKey(
        "snippets.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(max_length=8, default="nl")
    base_url = models.CharField(max_length=200)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.SENT)
    skip_reason = models.CharField(_("why not sent"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    #: The day (no time: answers cannot be matched to invitations by their moment) it was answered.
    answered_on = models.DateField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evaluation invitation")
        verbose_name_plural = _("evaluation invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "participation_id"], name="evaluations_one_invitation_per_participation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.participation_id}: {self.subject_title}"


class Response(models.Model):
    """A filled-in evaluation; anonymous unless the respondent agreed to add their name and address."""

    question_set = models.ForeignKey(
        QuestionSet, verbose_name=_("question set"), on_delete=models.PROTECT, related_name="responses"
    )
    source = models.CharField(_("source"), max_length=40)
    subject_key = models.CharField(_("subject"), max_length=60, db_index=True)
    subject_title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=40)
    occurred_on = models.DateField(_("date of the lesson or event"), db_index=True)
    region = models.ForeignKey(
        "snippets.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_on = models.DateField(_("submitted"))
    share_identity = models.BooleanField(_("name and address may be kept with the answers"), default=False)
    respondent_name = SingleLineCharField(_("name"), max_length=120, blank=True)
    respondent_email = models.EmailField(_("email"), blank=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("evaluation response")
        verbose_name_plural = _("evaluation responses")

    def __str__(self) -> str:
        return f"{self.subject_title} ({self.occurred_on:%d-%m-%Y})"


class Answer(models.Model):
    """One answer; the question's text and kind are copied, so results survive edits of the set."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    question_text = models.CharField(_("question"), max_length=300)
    question_kind = models.CharField(_("kind of answer"), max_length=8, choices=Question.Kind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    choice = models.CharField(_("choice"), max_length=300, blank=True)
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["response", "position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="evaluations_rating_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.question_text


class OptOut(models.Model):
    """An address that asked for no more evaluations, kept as a keyed hash (not the address itself)."""

    email_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation opt-out")
        verbose_name_plural = _("evaluation opt-outs")

    def __str__(self) -> str:
        return self.email_hash[:12]
