"""Figures from the optional apps (loans, professionalisation, evaluations), counted by hand.

Rows that must not count: loans not picked up (requested, confirmed, cancelled), attendance without
a certificate (no hours, or registered without check-in), other regions, other periods.
Anonymised rows keep counting: anonymising blanks names, not the fact that a kit was lent, a
teacher attended or a school answered (``cms.loans.privacy``, ``cms.events.privacy``).
"""

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cms.dashboard import registry, services
from cms.evaluations.models import LESSON_KIND, Answer, QuestionSet, Response
from cms.events import services as events
from cms.events.models import EventRegistration
from cms.loans import services as loans
from cms.loans.models import Reservation
from cms.professionalisation.models import Certificate
from tests.events.conftest import make_registration
from tests.factories import RegionSite, SchoolFactory
from tests.loans.factories import ReservationFactory
from tests.professionalisation.test_certificates import attend, masterclass

from .test_services import table

pytestmark = pytest.mark.django_db

S = Reservation.Status


@pytest.fixture
def regions(region_site):
    return region_site, RegionSite(hostname="regio-b.example", is_default=False)


def lend(school, day, status, pupils=None, anonymised=False):
    loan = ReservationFactory(
        school=school, pickup_date=day, return_date=day + dt.timedelta(days=4), status=status
    )
    Reservation.objects.filter(pk=loan.pk).update(
        pupils_reached=pupils,
        **({"contact_name": "", "email": "", "anonymised_at": timezone.now()} if anonymised else {}),
    )
    return loan


def test_the_optional_apps_of_the_test_settings_are_registered():
    assert {source.name for source in registry.sources()} == {"loans", "professionalisation", "evaluations"}
    assert services.compute().sources == {"loans", "professionalisation", "evaluations"}


def test_kits_lent_and_pupils_reached_per_region_of_the_school_and_period(regions):
    a, b = regions
    school_a, school_b = SchoolFactory(region=a.region), SchoolFactory(region=b.region)
    lend(school_a, dt.date(2025, 7, 7), S.RETURNED, pupils=24)  # Q3, school year 2024-2025
    lend(school_a, dt.date(2025, 9, 8), S.RETURNED, pupils=18, anonymised=True)  # counts
    lend(school_a, dt.date(2025, 9, 15), S.PICKED_UP)  # counts, no pupils reported yet
    lend(school_a, dt.date(2025, 10, 6), S.OVERDUE)  # counts
    lend(school_a, dt.date(2025, 10, 13), S.CONFIRMED)  # not picked up
    lend(school_a, dt.date(2025, 10, 13), S.REQUESTED)
    lend(school_a, dt.date(2025, 9, 8), S.CANCELLED, pupils=30)
    lend(school_b, dt.date(2025, 9, 8), S.RETURNED, pupils=21)  # region B

    quarters = services.compute(granularity=services.QUARTER)
    years = services.compute(granularity=services.SCHOOL_YEAR)
    one_year = services.compute(granularity=services.SCHOOL_YEAR, school_year=2025, region_id=a.region.pk)

    assert table(quarters, "kits_lent", "kit_pupils") == {
        (a.region.name, "2025-Q3"): (3, 42),
        (a.region.name, "2025-Q4"): (1, 0),
        (b.region.name, "2025-Q3"): (1, 21),
    }
    assert table(years, "kits_lent", "kit_pupils") == {
        (a.region.name, "2024-2025"): (1, 24),
        (a.region.name, "2025-2026"): (3, 18),
        (b.region.name, "2025-2026"): (1, 21),
    }
    assert (one_year.total.kits_lent, one_year.total.kit_pupils) == (3, 18)
    # the same loans the loans app counts per school, kit and quarter
    figures = loans.loan_figures(region_ids=[a.region.pk])
    assert sum(f.loans for f in figures) == quarters.total.kits_lent - 1
    assert sum(f.pupils_reached for f in figures) == quarters.total.kit_pupils - 21


def certificate_on(event, day, **kwargs):
    attend(event, **kwargs)
    certificate = Certificate.objects.latest("pk")
    Certificate.objects.filter(pk=certificate.pk).update(date=day)
    return certificate


def test_professionalisation_activities_and_hours_per_region_of_the_event_and_period(regions):
    a, b = regions
    class_a = masterclass(a)  # 3.5 hours
    training_a = masterclass(a, event_type="training", professionalisation_hours=Decimal("2"))
    class_b = masterclass(b)
    certificate_on(class_a, dt.date(2025, 7, 31))  # Q3, school year 2024-2025
    certificate_on(class_a, dt.date(2025, 8, 1))
    anonymised = certificate_on(training_a, dt.date(2025, 8, 1))
    EventRegistration.objects.filter(pk=anonymised.attendance.registration_id).update(
        name="", email="anon@invalid", anonymised_at=timezone.now()
    )
    certificate_on(class_b, dt.date(2025, 8, 2))  # region B
    attend(masterclass(a, professionalisation_hours=None))  # no hours: no certificate, not counted
    events.register_for_event(make_registration(class_a))  # registered, never checked in

    quarters = services.compute(granularity=services.QUARTER)
    years = services.compute(granularity=services.SCHOOL_YEAR, school_year=2025)

    columns = ("professionalisation_activities", "professionalisation_hours")
    # (the events' registrations today make cells of their own, without certificates)
    assert {key: value for key, value in table(quarters, *columns).items() if value[0]} == {
        (a.region.name, "2025-Q3"): (3, Decimal("9.0")),
        (b.region.name, "2025-Q3"): (1, Decimal("3.5")),
    }
    assert {key: value for key, value in table(years, *columns).items() if value[0]} == {
        (a.region.name, "2025-2026"): (2, Decimal("5.5")),
        (b.region.name, "2025-2026"): (1, Decimal("3.5")),
    }
    assert (years.total.professionalisation_activities, years.total.professionalisation_hours) == (
        3,
        Decimal("9.0"),
    )


def respond(region, day, *ratings):
    question_set = QuestionSet.objects.filter(kind=LESSON_KIND).first() or QuestionSet.objects.create(
        name="Les", kind=LESSON_KIND
    )
    response = Response.objects.create(
        question_set=question_set,
        source="booking",
        subject_key="offering:1",
        subject_title="Robots bouwen",
        kind=LESSON_KIND,
        occurred_on=day,
        region=region,
        submitted_on=day,
    )
    for position, rating in enumerate(ratings):
        Answer.objects.create(
            response=response,
            question_text=f"Vraag {position}",
            question_kind="rating",
            rating=rating,
            position=position,
        )
    Answer.objects.create(
        response=response, question_text="Opmerking", question_kind="text", text="Leuk", position=9
    )
    return response


def test_evaluation_responses_and_average_per_region_and_period(regions):
    a, b = regions
    respond(a.region, dt.date(2025, 9, 10), 5, 4)
    respond(a.region, dt.date(2025, 9, 20), 3)
    anonymous = respond(a.region, dt.date(2025, 11, 1), 2)
    Response.objects.filter(pk=anonymous.pk).update(
        share_identity=False, respondent_name="", respondent_email=""
    )
    respond(b.region, dt.date(2025, 9, 10), 1)  # region B
    respond(a.region, dt.date(2024, 9, 10), 1)  # another school year

    quarters = services.compute(granularity=services.QUARTER, school_year=2025)
    only_a = services.compute(granularity=services.SCHOOL_YEAR, school_year=2025, region_id=a.region.pk)

    assert table(quarters, "evaluation_responses", "evaluation_average") == {
        (a.region.name, "2025-Q3"): (2, pytest.approx(4.0)),
        (a.region.name, "2025-Q4"): (1, pytest.approx(2.0)),
        (b.region.name, "2025-Q3"): (1, pytest.approx(1.0)),
    }
    # the average of all ratings, not of the rows' averages
    assert only_a.total.evaluation_responses == 3
    assert only_a.total.evaluation_average == pytest.approx((5 + 4 + 3 + 2) / 4)


def test_page_and_csv_show_the_new_figures_in_dutch(client, django_user_model, regions):
    a, _b = regions
    lend(SchoolFactory(region=a.region), dt.date(2025, 9, 8), S.RETURNED, pupils=24)
    certificate_on(masterclass(a), dt.date(2025, 9, 9))
    respond(a.region, dt.date(2025, 9, 10), 5, 4)
    client.force_login(django_user_model.objects.create_superuser("beheer", "b@regio.nl", "x"))

    html = client.get("/admin/funders-dashboard/", {"school_year": 2025, "granularity": "school_year"})
    soup = BeautifulSoup(html.content.decode(), "html.parser")
    table_ = soup.find("table", class_="listing")
    headers = [th.get_text(strip=True) for th in table_.thead.find_all("th")]
    cells = dict(
        zip(headers[2:], [td.get_text(strip=True) for td in table_.tbody.tr.find_all("td")][2:], strict=True)
    )
    assert cells["Uitgeleende leskisten"] == "1"
    assert cells["Leerlingen bereikt met uitgeleende leskisten"] == "24"
    assert cells["Gevolgde professionaliseringsactiviteiten"] == "1"
    assert cells["Professionaliseringsuren"] == "3,5"
    assert cells["Ingevulde evaluaties"] == "1"
    assert cells["Gemiddeld evaluatiecijfer (1-5)"] == "4,5"
    what_counts = soup.find("section", class_="dashboard-what-counts").get_text(" ", strip=True)
    assert (
        "ophaaldag" in what_counts and "certificaat" in what_counts and "cijfers van 1 tot 5" in what_counts
    )
    assert soup.find("svg", attrs={"aria-label": "Gemiddeld evaluatiecijfer (1-5)"})

    csv_text = client.get(
        "/admin/funders-dashboard/", {"school_year": 2025, "granularity": "school_year", "format": "csv"}
    ).content.decode("utf-8-sig")
    assert "Professionaliseringsuren" in csv_text and ";3,5;" in csv_text and ";4,5;" in csv_text
