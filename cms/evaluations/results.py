"""Evaluation results: per subject (an offering or an event), per question, per region and period.

:func:`rating_averages` is the service other apps call (the funders' milestones and dashboard):
the average of all 1-5 ratings, per region and period, with the number of responses behind it.
The period is the date of the lesson or event, not of the answer.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, QuerySet, Sum

from .models import Answer, Question, Response


def quarter_of(day: dt.date) -> str:
    """``2026-Q3``: the default period of :func:`rating_averages` (callers may pass their own)."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def responses(
    *,
    region_ids: Iterable[int] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    subject_key: str | None = None,
    kind: str | None = None,
) -> QuerySet[Response]:
    """Responses about lessons and events held from ``start`` to ``end`` (inclusive) in ``region_ids``."""
    found = Response.objects.all()
    if region_ids is not None:
        found = found.filter(region_id__in=list(region_ids))
    if start:
        found = found.filter(occurred_on__gte=start)
    if end:
        found = found.filter(occurred_on__lte=end)
    if subject_key:
        found = found.filter(subject_key=subject_key)
    if kind:
        found = found.filter(kind=kind)
    return found


@dataclass
class SubjectSummary:
    subject_key: str
    subject_title: str
    kind: str
    responses: int
    average: float | None
    last_held: dt.date


def subject_summaries(found: QuerySet[Response]) -> list[SubjectSummary]:
    """One line per offering or event: number of responses and the average of their ratings."""
    rows = (
        found.values("subject_key")
        .annotate(
            title=Max("subject_title"),
            kind=Max("kind"),
            count=Count("pk", distinct=True),
            average=Avg("answers__rating"),
            last_held=Max("occurred_on"),
        )
        .order_by("-last_held", "subject_key")
    )
    return [
        SubjectSummary(r["subject_key"], r["title"], r["kind"], r["count"], r["average"], r["last_held"])
        for r in rows
    ]


@dataclass
class QuestionResult:
    text: str
    kind: str
    answers: int = 0
    average: float | None = None
    #: (label, count, share of answers 0..1) in the order to show them.
    distribution: list[tuple[str, int, float]] = field(default_factory=list)
    open_answers: list[str] = field(default_factory=list)


def question_results(found: QuerySet[Response]) -> list[QuestionResult]:
    """Per question (by its text, so a set's edits do not split it): average, distribution, open answers."""
    grouped: dict[tuple[str, str], list[Answer]] = defaultdict(list)
    order: dict[tuple[str, str], tuple[int, int]] = {}
    answers = Answer.objects.filter(response__in=found).order_by("position", "pk")
    for answer in answers.only(
        "question_text", "question_kind", "position", "rating", "choice", "text", "question_id"
    ):
        key = (answer.question_text, answer.question_kind)
        grouped[key].append(answer)
        order.setdefault(key, (answer.position, answer.pk))
    results = []
    for key in sorted(grouped, key=order.__getitem__):
        text, kind = key
        items = grouped[key]
        result = QuestionResult(text=text, kind=kind, answers=len(items))
        if kind == Question.Kind.RATING:
            ratings = [a.rating for a in items if a.rating is not None]
            result.average = sum(ratings) / len(ratings) if ratings else None
            counts = Counter(ratings)
            result.distribution = [
                (str(n), counts[n], counts[n] / len(ratings) if ratings else 0) for n in range(1, 6)
            ]
        elif kind == Question.Kind.CHOICE:
            counts = Counter(a.choice for a in items if a.choice)
            total = sum(counts.values()) or 1
            result.distribution = [(label, n, n / total) for label, n in counts.most_common()]
        else:
            result.open_answers = [a.text for a in items if a.text]
        results.append(result)
    return results


@dataclass(frozen=True)
class PeriodAverage:
    region_id: int | None
    period: str
    responses: int
    ratings: int
    average: float | None


def rating_averages(
    *,
    region_ids: Iterable[int] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    kind: str | None = None,
    period_of: Callable[[dt.date], str] = quarter_of,
) -> list[PeriodAverage]:
    """The average 1-5 rating per region and period (of the lesson or event date), sorted by region
    and period. ``period_of`` maps a date to its period label (default: quarter, ``2026-Q3``)."""
    found = responses(region_ids=region_ids, start=start, end=end, kind=kind)
    rows = (
        found.values("region_id", "occurred_on")
        .annotate(
            count=Count("pk", distinct=True),
            total=Count("answers__rating"),
            rating_sum=Sum("answers__rating"),
        )
        .order_by()
    )
    cells: dict[tuple[int | None, str], list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for row in rows:
        cell = cells[(row["region_id"], period_of(row["occurred_on"]))]
        cell[0] += row["count"]
        cell[1] += row["total"]
        cell[2] += row["rating_sum"] or 0
    return [
        PeriodAverage(region_id, period, int(n), int(ratings), (total / ratings) if ratings else None)
        for (region_id, period), (n, ratings, total) in sorted(
            cells.items(), key=lambda item: (item[0][0] or 0, item[0][1])
        )
    ]


CSV_HEADER = [
    "datum",
    "onderwerp",
    "soort",
    "regio",
    "ingevuld op",
    "antwoord nr",
    "vraag",
    "soort vraag",
    "cijfer",
    "keuze",
    "tekst",
    "naam",
    "e-mail",
]


def csv_rows(found: QuerySet[Response]):
    """One row per answer, for the CSV export (names only where the respondent opted in)."""
    answers = (
        Answer.objects.filter(response__in=found)
        .select_related("response__region")
        .order_by("-response__occurred_on", "response_id", "position")
    )
    for answer in answers.iterator(chunk_size=500):
        response = answer.response
        yield [
            response.occurred_on.isoformat(),
            response.subject_title,
            response.kind,
            response.region.name if response.region else "",
            response.submitted_on.isoformat(),
            response.pk,
            answer.question_text,
            answer.question_kind,
            answer.rating if answer.rating is not None else "",
            answer.choice,
            answer.text,
            response.respondent_name if response.share_identity else "",
            response.respondent_email if response.share_identity else "",
        ]
