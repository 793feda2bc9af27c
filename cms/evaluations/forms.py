"""The public evaluation form, built from the invitation's question set."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Question
from .services import AnswerValue

RATING_CHOICES = [
    ("1", _("1 – very poor")),
    ("2", _("2 – poor")),
    ("3", _("3 – fair")),
    ("4", _("4 – good")),
    ("5", _("5 – very good")),
]
TEXT_MAX_LENGTH = 2000


class EvaluationForm(forms.Form):
    share_identity = forms.BooleanField(
        label=_("You may keep my name and email address with my answers"),
        help_text=_("Without this, your answers are anonymous."),
        required=False,
    )

    def __init__(self, questions: list[Question], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        fields = {}
        for question in questions:
            name = f"q{question.pk}"
            common = {
                "label": question.text,
                "required": question.required,
                # The error summary lists every missing answer: each names its question.
                "error_messages": {
                    "required": _("Answer this question: %(question)s") % {"question": question.text}
                },
            }
            if question.kind == Question.Kind.RATING:
                fields[name] = forms.ChoiceField(
                    choices=RATING_CHOICES,
                    widget=forms.RadioSelect(attrs={"class": "choices--scale"}),
                    **common,
                )
            elif question.kind == Question.Kind.CHOICE:
                fields[name] = forms.ChoiceField(
                    choices=[(choice, choice) for choice in question.choice_list],
                    widget=forms.RadioSelect,
                    **common,
                )
            else:
                fields[name] = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), max_length=TEXT_MAX_LENGTH, **common
                )
        # Questions first, in their order; the consent box last.
        self.fields = {**fields, "share_identity": self.fields["share_identity"]}

    @property
    def question_fields(self):
        return [self[f"q{question.pk}"] for question in self.questions]

    def answers(self) -> list[AnswerValue]:
        values = []
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}") or ""
            if question.kind == Question.Kind.RATING:
                values.append(AnswerValue(question, rating=int(value) if value else None))
            elif question.kind == Question.Kind.CHOICE:
                values.append(AnswerValue(question, choice=value))
            else:
                values.append(AnswerValue(question, text=value.strip()))
        return values
