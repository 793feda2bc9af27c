"""Which worlds of technology and SLO core goals a school's classes met, per school year and group.

Counted from the lessons its classes were given (:func:`cms.dashboard.reach.booked_lessons`: one
booking is one class, its group is the booking's group) and what each lesson offering addresses,
and, when the loans app is installed, from the kits the school borrowed and picked up
(:func:`cms.loans.indicators.lent_kits`): what the kit's lesson kit page and the lendable item
address, and from the events its participants attended (:func:`attended_events`: a registration
linked to the school and checked in, once per date attended; what the event page addresses). The
gaps are the worlds (and core goals) no class of that school met in that school year.

Each source is one function in :data:`SOURCES` that yields (school, day, group, worlds, core goals).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from cms.bookings.models import LessonOffering
from cms.dashboard import reach
from cms.dashboard.services import school_year_start
from cms.events.models import Attendance
from cms.pages.models import EventPage
from cms.snippets.models import CoreGoal, School, TechWorld

#: (school id, day, group, world ids, core goal ids): one activity of a class of the school.
Activity = tuple[int, dt.date, int | None, frozenset[int], frozenset[int]]


Terms = dict[int, frozenset[int]]


def terms_of(relation, owner: str, term: str) -> Terms:
    """Owner id -> term ids of a many-to-many ``relation`` (e.g. an offering's worlds), one query."""
    found: dict[int, set[int]] = defaultdict(set)
    for owner_id, term_id in relation.through.objects.values_list(owner, term):
        found[owner_id].add(term_id)
    return {owner_id: frozenset(ids) for owner_id, ids in found.items()}


def _offering_terms() -> tuple[Terms, Terms]:
    return (
        terms_of(LessonOffering.tech_worlds, "lessonoffering_id", "techworld_id"),
        terms_of(LessonOffering.core_goals, "lessonoffering_id", "coregoal_id"),
    )


def given_lessons(school_ids: Iterable[int], today: dt.date) -> Iterable[Activity]:
    """(school, lesson date, group, worlds, core goals) of every lesson the schools' classes were given."""
    worlds, goals = _offering_terms()
    rows = (
        reach.booked_lessons(today)
        .filter(school_id__in=list(school_ids))
        .values_list("school_id", "slot__date", "group", "slot__offering_id")
    )
    for school_id, day, group, offering_id in rows.iterator():
        yield school_id, day, group, worlds.get(offering_id, frozenset()), goals.get(offering_id, frozenset())


def attended_events(school_ids: Iterable[int], today: dt.date) -> Iterable[Activity]:
    """(school, event date, no group, worlds, core goals) of every date a participant linked to the
    school was checked in at (:func:`cms.dashboard.reach.attended_registrations`; waiting-list, cancelled
    and no-show registrations were never checked in). Anonymising a registration keeps its school."""
    worlds = terms_of(EventPage.tech_worlds, "eventpage_id", "techworld_id")
    goals = terms_of(EventPage.core_goals, "eventpage_id", "coregoal_id")
    empty = frozenset()
    rows = Attendance.objects.filter(
        registration__in=reach.attended_registrations().filter(school_id__in=list(school_ids)),
        occurrence__start__date__lte=today,
    ).values_list("registration__school_id", "occurrence__start", "registration__event_id")
    for school_id, start, event_id in rows.iterator():
        day = timezone.localtime(start).date()
        yield school_id, day, None, worlds.get(event_id, empty), goals.get(event_id, empty)


Source = Callable[[Iterable[int], dt.date], Iterable[Activity]]
SOURCES: list[Source] = [given_lessons, attended_events]


def register_source(source: Source) -> None:
    """Add a source of activities (plugin apps call it from their ``indicators.py``, like indicators)."""
    if source not in SOURCES:
        SOURCES.append(source)


@dataclass
class GroupRow:
    group: int | None
    activities: int = 0
    world_ids: set[int] = field(default_factory=set)
    goal_ids: set[int] = field(default_factory=set)


@dataclass
class YearCoverage:
    school_year: int
    groups: list[GroupRow]
    world_ids: set[int]
    goal_ids: set[int]

    @property
    def label(self) -> str:
        return f"{self.school_year}-{self.school_year + 1}"


@dataclass
class SchoolCoverage:
    school: School
    worlds: list[TechWorld]
    goals: list[CoreGoal]
    years: list[YearCoverage]

    def world_gaps(self, year: YearCoverage) -> list[TechWorld]:
        return [w for w in self.worlds if w.pk not in year.world_ids]

    def goal_gaps(self, year: YearCoverage) -> list[CoreGoal]:
        return [g for g in self.goals if g.pk not in year.goal_ids]


def _activities(school_ids: Iterable[int], today: dt.date) -> Iterable[Activity]:
    school_ids = list(school_ids)
    for source in SOURCES:
        yield from source(school_ids, today)


def school_coverage(school: School, today: dt.date | None = None) -> SchoolCoverage:
    """Per school year (newest first) and group: the worlds and core goals met, and the totals."""
    today = today or timezone.localdate()
    years: dict[int, dict[int | None, GroupRow]] = defaultdict(dict)
    for _school, day, group, world_ids, goal_ids in _activities([school.pk], today):
        row = years[school_year_start(day)].setdefault(group, GroupRow(group))
        row.activities += 1
        row.world_ids |= world_ids
        row.goal_ids |= goal_ids
    result = []
    for year in sorted(years, reverse=True):
        groups = sorted(years[year].values(), key=lambda r: (r.group is None, r.group or 0))
        result.append(
            YearCoverage(
                year,
                groups,
                set().union(*(g.world_ids for g in groups)),
                set().union(*(g.goal_ids for g in groups)),
            )
        )
    return SchoolCoverage(school, list(TechWorld.objects.all()), list(CoreGoal.objects.all()), result)


@dataclass
class Matrix:
    worlds: list[TechWorld]
    rows: list[tuple[School, list[int]]]  # per school: activities per world (in the order of worlds)


def region_matrix(region_id: int, school_year: int | None = None, today: dt.date | None = None) -> Matrix:
    """Schools of the region x worlds of technology: how many given lessons, borrowed kits and attended
    event dates addressed each world."""
    today = today or timezone.localdate()
    worlds = list(TechWorld.objects.all())
    schools = list(School.objects.filter(region_id=region_id).order_by("name"))
    index = {w.pk: i for i, w in enumerate(worlds)}
    counts = {s.pk: [0] * len(worlds) for s in schools}
    for school_id, day, _group, world_ids, _goals in _activities(counts, today):
        if school_year is not None and school_year_start(day) != school_year:
            continue
        for world_id in world_ids:
            counts[school_id][index[world_id]] += 1
    return Matrix(worlds, [(s, counts[s.pk]) for s in schools])
