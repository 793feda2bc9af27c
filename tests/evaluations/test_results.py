"""Results: per subject and question, averages per region and period (for the funders), CSV, who may see them."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from cms.evaluations import results, services
from cms.evaluations.models import Invitation, Question
from cms.outbox.models import OutgoingMail
from cms.snippets.regions import regional_group_name
from tests.bookings.factories import UserFactory
from tests.factories import RegionSite, TechniekhuisPageFactory

from .conftest import past_booking
from .test_services import token_of

pytestmark = pytest.mark.django_db


def answer_all(rating_by_email: dict[str, int], *, open_text="", share=False):
    for mail in OutgoingMail.objects.filter(key__endswith="-invitation"):
        invitation = services.invitation_for_token(token_of(mail))
        values = []
        for question in services.questions_of(invitation):
            if question.kind == Question.Kind.RATING:
                values.append(services.AnswerValue(question, rating=rating_by_email[mail.to[0]]))
            elif question.kind == Question.Kind.CHOICE:
                values.append(services.AnswerValue(question, choice=question.choice_list[0]))
            else:
                values.append(services.AnswerValue(question, text=open_text))
        services.submit_response(token_of(mail), values, share_identity=share)


@pytest.fixture
def two_regions(region_site):
    other = RegionSite(hostname="goal.localhost", is_default=False)
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen)
    other_house = TechniekhuisPageFactory(parent=other.techniekhuizen)
    past_booking(house, email="a@school.nl")
    past_booking(house, email="b@school.nl")
    past_booking(other_house, email="c@school.nl")
    services.send_invitations()
    answer_all({"a@school.nl": 5, "b@school.nl": 3, "c@school.nl": 1}, open_text='=HYPERLINK("x")')
    return region_site, other


def test_averages_per_region_and_period_for_the_funders(two_regions):
    home, other = two_regions
    today = timezone.localdate() - dt.timedelta(days=2)

    rows = results.rating_averages()

    by_region = {row.region_id: row for row in rows}
    assert by_region[home.region.pk].responses == 2
    assert by_region[home.region.pk].average == pytest.approx(4.0)
    assert by_region[other.region.pk].average == pytest.approx(1.0)
    assert {row.period for row in rows} == {results.quarter_of(today)}
    only_other = results.rating_averages(region_ids=[other.region.pk], period_of=lambda day: str(day.year))
    assert [(r.period, r.responses) for r in only_other] == [(str(today.year), 1)]
    assert results.rating_averages(start=timezone.localdate()) == []


def test_question_results_show_average_distribution_and_open_answers(two_regions):
    home, _ = two_regions
    found = results.responses(region_ids=[home.region.pk])

    questions = results.question_results(found)

    overall = questions[0]
    assert overall.text == "Hoe beoordeelt u de les als geheel?"
    assert overall.average == pytest.approx(4.0)
    assert [(label, count) for label, count, _ in overall.distribution] == [
        ("1", 0),
        ("2", 0),
        ("3", 1),
        ("4", 0),
        ("5", 1),
    ]
    choice = next(q for q in questions if q.kind == "choice")
    assert choice.distribution == [("Te makkelijk", 2, 1.0)]
    assert next(q for q in questions if q.kind == "text").open_answers == ['=HYPERLINK("x")'] * 2


def test_subject_summary_counts_responses_per_offering(two_regions):
    summaries = results.subject_summaries(results.responses())

    assert sorted(s.responses for s in summaries) == [1, 1, 1]  # one offering per booking here
    assert all(s.subject_key.startswith("offering:") for s in summaries)


def admin_user():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_admin_results_csv_and_region_scoping(client, two_regions):
    home, other = two_regions
    user = admin_user()
    user.groups.add(Group.objects.create(name=regional_group_name("Projectleiders", home.region)))
    client.force_login(user)

    page = client.get("/admin/evaluations/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bouw een windmolen" in html and "Gemiddeld cijfer (1-5)" in html

    subject = Invitation.objects.filter(region=home.region).first().subject_key
    detail = client.get("/admin/evaluations/subject/", {"subject": subject})
    assert detail.status_code == 200 and "<meter" in detail.content.decode()

    export = client.get("/admin/evaluations/export.csv")
    body = b"".join(export.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["datum", "onderwerp", "soort"]
    assert {row[3] for row in rows[1:]} == {home.region.name}  # the other region's answers stay out
    assert '\'=HYPERLINK("x")' in {row[10] for row in rows[1:]}  # no formula in a spreadsheet
    # Another region asked for explicitly: still only the covered one.
    scoped = client.get("/admin/evaluations/export.csv", {"region": other.region.pk})
    assert other.region.name not in b"".join(scoped.streaming_content).decode()


def test_results_are_not_for_users_without_a_region(client, two_regions):
    client.force_login(admin_user())

    # Wagtail answers a refusal in the admin with a redirect to the dashboard and a message.
    for path in ("/admin/evaluations/", "/admin/evaluations/export.csv"):
        refused = client.get(path)
        assert (refused.status_code, refused.url) == (302, "/admin/")
