"""The indicators of kits lent, event attendees, professional development hours and evaluations,
each counted by hand on its own small dataset in region A (the default site) and region B.

Rows that must not count for A are marked below: not picked up, cancelled, no-show, not checked
in, region B, outside the period. Anonymised rows keep counting, as for lessons (anonymising
blanks names, not the fact that a kit was lent or a teacher came: ``cms.loans.privacy``,
``cms.events.privacy``).
"""

import ast
import datetime as dt
import json
import os
import subprocess
import sys
import zoneinfo
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.utils import timezone

from cms.evaluations.models import Answer, Question, QuestionSet, Response
from cms.events import attendance
from cms.events.models import EventRegistration
from cms.loans.models import Reservation
from cms.milestones import indicators
from cms.milestones.indicators import Filters
from cms.pages.models import EventPage
from cms.professionalisation import services as professionalisation
from tests.events.factories import EventRegistrationFactory
from tests.factories import EventPageFactory, RegionSite, SchoolFactory, TechniekhuisPageFactory
from tests.loans.factories import CopyFactory, PickupPointFactory, ReservationFactory

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
L = Reservation.Status
R = EventRegistration.Status


def at(y, m, d, h=10) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=AMS)


def measure(key, region, filters=None, period=YEAR_2025):
    return indicators.measure(key, region.pk, *period, filters)


@pytest.fixture
def regions(region_site):
    b = RegionSite(hostname="regio-b.example", is_default=False)
    return SimpleNamespace(a=region_site, b=b)


def anonymise(model, pk, **blanks):
    model.objects.filter(pk=pk).update(anonymised_at=timezone.now(), **blanks)


# --- loans --------------------------------------------------------------------------------------


@pytest.fixture
def lent(regions):
    a, b = regions.a, regions.b
    th_a = TechniekhuisPageFactory(parent=a.techniekhuizen)
    th_b = TechniekhuisPageFactory(parent=b.techniekhuizen)
    at_a = PickupPointFactory(techniekhuis=th_a)
    at_b = PickupPointFactory(techniekhuis=th_b)
    elsewhere = PickupPointFactory(techniekhuis=None)  # no techniekhuis: the school's region counts
    po1 = SchoolFactory(region=a.region, school_type="po")
    po2 = SchoolFactory(region=a.region, school_type="po")
    vmbo = SchoolFactory(region=a.region, school_type="vmbo")
    po_b = SchoolFactory(region=b.region, school_type="po")
    for point, school, pickup, status, picked_up, pupils, anonymised in [
        (at_a, po1, dt.date(2025, 3, 3), L.RETURNED, True, 25, False),  # counts
        (at_a, vmbo, dt.date(2025, 5, 5), L.PICKED_UP, True, None, False),  # counts, pupils not known yet
        (at_a, po2, dt.date(2025, 6, 2), L.RETURNED, True, 20, True),  # counts: anonymised, still lent
        (elsewhere, po2, dt.date(2025, 10, 6), L.OVERDUE, True, None, False),  # counts: school in A
        (at_a, po1, dt.date(2025, 4, 7), L.CONFIRMED, False, None, False),  # not picked up (yet)
        (at_a, po1, dt.date(2025, 4, 14), L.REQUESTED, False, None, False),  # not picked up
        (at_a, vmbo, dt.date(2025, 4, 21), L.CANCELLED, False, None, False),  # cancelled
        (at_a, po1, dt.date(2024, 12, 2), L.RETURNED, True, 22, False),  # before the period
        (at_b, po1, dt.date(2025, 3, 10), L.RETURNED, True, 30, False),  # region B's techniekhuis
        (elsewhere, po_b, dt.date(2025, 3, 10), L.RETURNED, True, 15, False),  # school in B
    ]:
        loan = ReservationFactory(
            copy=CopyFactory(pickup_point=point),
            school=school,
            pickup_date=pickup,
            status=status,
            pupils_reached=pupils,
            picked_up_at=at(pickup.year, pickup.month, pickup.day) if picked_up else None,
        )
        if anonymised:
            anonymise(Reservation, loan.pk, contact_name="", email="")
    return SimpleNamespace(a=a.region, b=b.region, th_a=th_a)


def test_kits_lent_are_loans_picked_up_in_the_region_and_period(lent):
    assert measure("kits_lent", lent.a) == 4
    assert measure("kits_lent", lent.b) == 2
    assert measure("kits_lent", lent.a, period=(dt.date(2025, 1, 1), dt.date(2025, 3, 31))) == 1
    assert measure("kits_lent", lent.a, period=(dt.date(2024, 1, 1), dt.date(2025, 3, 31))) == 2


def test_schools_that_borrowed_kits_are_counted_once(lent):
    assert measure("schools_lent_kits", lent.a) == 3  # po1, vmbo and po2 (twice)
    assert measure("schools_lent_kits", lent.b) == 2
    assert measure("schools_lent_kits", lent.a, Filters(school_type="po")) == 2


def test_pupils_reached_by_lent_kits_are_the_numbers_given_on_return(lent):
    assert measure("kit_loan_pupils", lent.a) == 25 + 20
    assert measure("kit_loan_pupils", lent.b) == 30 + 15
    assert measure("kit_loan_pupils", lent.a, period=(dt.date(2025, 7, 1), dt.date(2025, 12, 31))) == 0


def test_kits_lent_filtered_by_school_type_and_techniekhuis(lent):
    assert measure("kits_lent", lent.a, Filters(school_type="vmbo")) == 1
    assert measure("kits_lent", lent.a, Filters(school_type="po")) == 3
    assert measure("kits_lent", lent.a, Filters(techniekhuis_ids=frozenset({lent.th_a.pk}))) == 3
    assert measure("kit_loan_pupils", lent.a, Filters(techniekhuis_ids=frozenset({lent.th_a.pk}))) == 45


# --- event attendees ----------------------------------------------------------------------------


def check_in(event, occurrence=None, **kwargs) -> EventRegistration:
    registration = EventRegistrationFactory(event=event, **kwargs)
    for date in [occurrence] if occurrence else event.occurrences.all():
        attendance.check_in_registration(registration.pk, date)
    return registration


@pytest.fixture
def attendees(regions):
    a, b = regions.a, regions.b
    day = EventPageFactory(parent=a.events, start=at(2025, 4, 2), end=at(2025, 4, 2, 12))
    check_in(day)  # counts
    anonymise(EventRegistration, check_in(day).pk, name="")  # counts: anonymised, still came
    EventRegistrationFactory(event=day, status=R.NO_SHOW)
    EventRegistrationFactory(event=day, status=R.CANCELLED)
    EventRegistrationFactory(event=day, status=R.CONFIRMED)  # never checked in
    EventRegistrationFactory(event=day, status=R.WAITLISTED)
    # A weekly series from 22 December 2025: the whole-series registration came twice in 2025 and
    # once in 2026; it is one attendee in each year.
    series = EventPageFactory(
        parent=a.events, start=at(2025, 12, 22), end=at(2025, 12, 22, 12), recurrence="FREQ=WEEKLY;COUNT=3"
    )
    check_in(series)
    earlier = EventPageFactory(parent=a.events, start=at(2024, 11, 1), end=at(2024, 11, 1, 12))
    check_in(earlier)  # before the period
    other = EventPageFactory(parent=b.events, start=at(2025, 6, 1), end=at(2025, 6, 1, 12))
    check_in(other)  # region B
    return SimpleNamespace(a=a.region, b=b.region)


def test_event_attendees_are_registrations_checked_in_at_the_regions_events(attendees):
    assert measure("event_attendees", attendees.a) == 3
    assert measure("event_attendees", attendees.b) == 1


def test_event_attendees_count_by_the_date_attended_each_registration_once(attendees):
    assert measure("event_attendees", attendees.a, period=(dt.date(2026, 1, 1), dt.date(2026, 3, 31))) == 1
    assert measure("event_attendees", attendees.a, period=(dt.date(2024, 1, 1), dt.date(2026, 12, 31))) == 4
    assert measure("event_attendees", attendees.a, period=(dt.date(2025, 4, 3), dt.date(2025, 12, 21))) == 0


# --- professional development hours -------------------------------------------------------------


def masterclass(site, start, hours) -> EventPage:
    return EventPageFactory(
        parent=site.events,
        event_type=EventPage.EventType.MASTERCLASS,
        professionalisation_hours=hours,
        start=start,
        end=start + dt.timedelta(hours=3),
    )


def certified(event, **kwargs) -> EventRegistration:
    """Checked in, with the certificate the receiver issues after the commit."""
    registration = EventRegistrationFactory(event=event, **kwargs)
    done = attendance.check_in_registration(registration.pk, event.occurrences.get())
    professionalisation.issue_certificate(done.attendance.pk)
    return registration


@pytest.fixture
def hours(regions):
    a, b = regions.a, regions.b
    march = masterclass(a, at(2025, 3, 5), Decimal("3.5"))
    certified(march)
    certified(march)
    EventRegistrationFactory(event=march, status=R.NO_SHOW)
    october = masterclass(a, at(2025, 10, 1), Decimal("2"))
    anonymise(EventRegistration, certified(october).pk, name="")  # the certificate stays
    certified(masterclass(a, at(2024, 11, 1), Decimal("5")))  # before the period
    certified(masterclass(b, at(2025, 5, 1), Decimal("4")))  # region B
    network = EventPageFactory(parent=a.events, start=at(2025, 5, 1), end=at(2025, 5, 1, 12))
    certified(network)  # a learning network earns no hours
    return SimpleNamespace(a=a.region, b=b.region)


def test_professionalisation_hours_are_the_certified_hours_of_the_regions_events(hours):
    assert measure("professionalisation_hours", hours.a) == 3.5 + 3.5 + 2
    assert measure("professionalisation_hours", hours.b) == 4
    assert (
        measure("professionalisation_hours", hours.a, period=(dt.date(2025, 4, 1), dt.date(2025, 12, 31)))
        == 2
    )
    assert (
        measure("professionalisation_hours", hours.a, period=(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
        == 5
    )


# --- evaluations --------------------------------------------------------------------------------


@pytest.fixture
def evaluations(regions):
    a, b = regions.a.region, regions.b.region
    question_set = QuestionSet.objects.create(name="Na de les", kind="lesson", active=False)
    for region, held, ratings in [
        (a, dt.date(2025, 3, 10), [4, 5, None]),  # counts; the open answer has no rating
        (a, dt.date(2025, 6, 1), [2]),  # counts
        (a, dt.date(2025, 9, 1), [None]),  # counts as a response, adds no rating
        (a, dt.date(2024, 12, 31), [1]),  # before the period
        (b, dt.date(2025, 3, 10), [1]),  # region B
        (None, dt.date(2025, 3, 10), [1]),  # no region
    ]:
        response = Response.objects.create(
            question_set=question_set,
            source="bookings",
            subject_key="offering:1",
            subject_title="Bouw een windmolen",
            kind="lesson",
            occurred_on=held,
            region=region,
            submitted_on=held + dt.timedelta(days=2),
        )
        for position, rating in enumerate(ratings):
            kind = Question.Kind.RATING if rating else Question.Kind.TEXT
            Answer.objects.create(
                response=response,
                question_text="Hoe vond je de les?",
                question_kind=kind,
                position=position,
                rating=rating,
            )
    return SimpleNamespace(a=a, b=b)


def test_evaluation_responses_are_those_about_the_regions_lessons_and_events_in_the_period(evaluations):
    assert measure("evaluation_responses", evaluations.a) == 3
    assert measure("evaluation_responses", evaluations.b) == 1


def test_evaluation_average_is_the_mean_of_every_rating_given(evaluations):
    assert measure("evaluation_average", evaluations.a) == round((4 + 5 + 2) / 3, 2)
    assert measure("evaluation_average", evaluations.b) == 1
    assert (
        measure("evaluation_average", evaluations.a, period=(dt.date(2025, 7, 1), dt.date(2025, 12, 31)))
        is None
    )


# --- plugins ------------------------------------------------------------------------------------


def test_milestones_offer_the_indicators_of_the_installed_plugin_apps():
    keys = {key for key, _label in indicators.choices()}
    assert {"kits_lent", "kit_loan_pupils", "professionalisation_hours", "evaluation_responses"} <= keys


@pytest.mark.parametrize("app", ["loans", "professionalisation", "evaluations"])
def test_plugin_apps_import_milestones_only_from_their_indicators_module(app):
    root = Path(__file__).resolve().parents[2] / "cms" / app
    importers = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if any(name.startswith("cms.milestones") for name in names):
                importers.add(path.relative_to(root).as_posix())
    assert importers == {"indicators.py"}


WITHOUT_PLUGINS = """
from cms.settings.test import *  # noqa: F403

PLUGINS = ("cms.loans", "cms.professionalisation", "cms.evaluations")
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in PLUGINS]  # noqa: F405
"""

LIST_INDICATORS = """
import json, sys
import django
django.setup()
from cms.milestones import indicators
plugins = [m for m in sys.modules if m.startswith(("cms.loans", "cms.professionalisation", "cms.evaluations"))]
print(json.dumps({"keys": sorted(indicators.REGISTRY), "plugins": plugins}))
"""


def test_milestones_start_without_the_plugin_apps_and_offer_only_their_own_indicators(tmp_path):
    (tmp_path / "without_plugins.py").write_text(WITHOUT_PLUGINS)
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{root}",
        "DJANGO_SETTINGS_MODULE": "without_plugins",
    }
    done = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", LIST_INDICATORS], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["plugins"] == []
    assert "classes_reached" in found["keys"] and "event_attendees" in found["keys"]
    assert not {"kits_lent", "professionalisation_hours", "evaluation_average"} & set(found["keys"])
