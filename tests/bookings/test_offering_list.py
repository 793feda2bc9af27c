"""The public booking list "Boek een les" (/boeken/): filters in the URL, next slots, no N+1, same as the API."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.bookings.models import TimeSlot
from tests.factories import RegionSite, TargetGroupFactory, TechniekhuisPageFactory, ThemeFactory

from .factories import LessonOfferingFactory, TimeSlotFactory

pytestmark = pytest.mark.django_db

URL = "/boeken/"


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def lessons(region_site):
    """Two techniekhuizen of the region with a lesson each, and one lesson of another region."""
    zuid = TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Techniekhuis Zuid")
    noord = TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Techniekhuis Noord")
    energy = ThemeFactory(name="Energie", slug="energie")
    bridges = LessonOfferingFactory(title="Bruggen bouwen", techniekhuis=zuid, duration_minutes=150)
    bridges.target_groups.set([TargetGroupFactory(name="po groep 5/6", slug="po-groep-5-6")])
    solar = LessonOfferingFactory(title="Zonne-auto", techniekhuis=noord)
    solar.target_groups.set([TargetGroupFactory(name="po groep 7/8", slug="po-groep-7-8")])
    solar.themes.set([energy])
    for days in (7, 14, 21, 28, 35):
        TimeSlotFactory(offering=bridges, date=in_days(days), capacity_classes=2)
    TimeSlotFactory(offering=solar, date=in_days(70), capacity_classes=1)  # a later month
    closed = TimeSlotFactory(offering=bridges, booking_deadline=timezone.now() - dt.timedelta(hours=1))
    other = RegionSite(hostname="goal.localhost", is_default=False)
    elsewhere = TechniekhuisPageFactory(parent=other.techniekhuizen, title="Techniekbus Gorinchem")
    TimeSlotFactory(offering=LessonOfferingFactory(title="Techniekbus op bezoek", techniekhuis=elsewhere))
    return {"bridges": bridges, "solar": solar, "zuid": zuid, "noord": noord, "closed": closed}


def test_lists_the_regions_lessons_with_groups_duration_and_next_slots(client, lessons):
    html = client.get(URL).content.decode()

    assert "2 lessen te boeken" in html
    assert html.index("Bruggen bouwen") < html.index("Zonne-auto")  # soonest open slot first
    assert "Techniekbus op bezoek" not in html  # another region's site lists it
    assert "groep 5 en 6" in html and "150 minuten" in html and "Techniekhuis Zuid" in html
    first = lessons["bridges"].slots.order_by("date").first()
    assert f'href="/boeken/tijdslot/{first.pk}/"' in html  # an open slot: a button to its form
    assert "nog 2 plekken" in html
    assert "2 andere tijdsloten" in html  # five open slots: three shown, two behind "more"
    assert f"/boeken/tijdslot/{lessons['closed'].pk}/" not in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"group": "6"}, "Bruggen bouwen", "Zonne-auto"),
        ({"group": "8"}, "Zonne-auto", "Bruggen bouwen"),
        ({"theme": "energie"}, "Zonne-auto", "Bruggen bouwen"),
        ({"techniekhuis": "zuid"}, "Bruggen bouwen", "Zonne-auto"),
        ({"month": "far"}, "Zonne-auto", "Bruggen bouwen"),
    ],
)
def test_each_filter_narrows_the_list_and_the_url_keeps_it(client, lessons, query, shown, hidden):
    if "techniekhuis" in query:
        query = {"techniekhuis": str(lessons[query["techniekhuis"]].pk)}
    if "month" in query:
        query = {"month": f"{in_days(70):%Y-%m}"}
    response = client.get(URL, query)
    html = response.content.decode()

    assert response.status_code == 200
    assert shown in html and hidden not in html
    name, value = next(iter(query.items()))
    assert f'<option value="{value}" selected>' in html  # the form shows the state of the URL
    assert 'class="chip"' in html  # and the filter as a chip that removes it


def test_a_lesson_naming_no_group_is_open_to_every_group(client, lessons):
    TimeSlotFactory(offering=LessonOfferingFactory(title="Open les", techniekhuis=lessons["zuid"]))
    assert "Open les" in client.get(URL, {"group": "3"}).content.decode()


def test_group_filter_carries_over_to_the_booking_form(client, lessons):
    html = client.get(URL, {"group": "6"}).content.decode()
    slot = lessons["bridges"].slots.filter(date=in_days(7)).get()
    assert f"/boeken/tijdslot/{slot.pk}/?group=6" in html
    form = client.get(f"/boeken/tijdslot/{slot.pk}/?group=6").content.decode()
    assert '<option value="6" selected>' in form
    assert (
        '<option value="8" selected>'
        not in client.get(f"/boeken/tijdslot/{slot.pk}/?group=8").content.decode()
    )


def test_empty_state_offers_to_drop_each_filter(client, lessons):
    html = client.get(URL, {"group": "3", "theme": "energie"}).content.decode()
    assert "Geen lessen te boeken met deze filters" in html
    assert 'href="?theme=energie"' in html  # without the group
    assert 'href="?group=3"' in html  # without the theme


def test_unusable_filter_values_are_named_and_ignored(client, lessons):
    response = client.get(URL, {"group": "12", "month": "2027-13", "theme": "energie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sommige filters konden niet worden gebruikt" in html
    assert "Zonne-auto" in html and "Bruggen bouwen" not in html  # the valid theme still applies


def test_pages_keep_the_filters(client, region_site):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen)
    for n in range(12):
        TimeSlotFactory(
            offering=LessonOfferingFactory(title=f"Les {n:02}", techniekhuis=house), date=in_days(n + 1)
        )
    html = client.get(URL, {"group": "5"}).content.decode()
    assert "12 lessen te boeken" in html
    assert "Les 00" in html and "Les 11" not in html
    assert 'href="?group=5&amp;page=2"' in html
    assert "Les 11" in client.get(URL, {"group": "5", "page": "2"}).content.decode()


def test_the_list_runs_a_fixed_number_of_queries(client, region_site):
    houses = [TechniekhuisPageFactory(parent=region_site.techniekhuizen) for _ in range(3)]
    groups = TargetGroupFactory(name="po groep 5/6", slug="po-groep-5-6")
    theme = ThemeFactory()

    def add_lessons(count):
        for n in range(count):
            offering = LessonOfferingFactory(techniekhuis=houses[n % 3])
            offering.target_groups.set([groups])
            offering.themes.set([theme])
            for days in (3, 10, 17, 24):
                TimeSlotFactory(offering=offering, date=in_days(days))

    def count_queries():
        client.get(URL, {"group": "5"})  # warm the per-process caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"group": "5"}).status_code == 200
        return len(queries)

    add_lessons(2)
    few = count_queries()
    add_lessons(8)
    assert count_queries() == few
    assert few <= 20


def test_page_and_api_list_the_same_lessons_for_the_same_filters(client, lessons, region_site):
    for query in ({}, {"group": "6"}, {"theme": "energie"}):
        html = client.get(URL, query).content.decode()
        api = client.get("/api/v3/bookings/offerings/", {**query, "region": region_site.region.slug}).json()
        titles = [item["title"] for item in api["items"]]
        assert titles and all(title in html for title in titles)
        assert f"{len(titles)} les" in html


@pytest.mark.parametrize("value", ["0", "1700000000", "2027-3-1", "morgen", "2027-02-30"])
def test_the_api_refuses_a_period_that_is_not_a_day(client, lessons, value):
    response = client.get("/api/v3/bookings/offerings/", {"date_to": value})
    assert response.status_code == 400


def test_the_api_takes_a_period_of_days(client, lessons):
    today = in_days(0).isoformat()
    response = client.get(
        "/api/v3/bookings/offerings/", {"date_from": today, "date_to": in_days(400).isoformat()}
    )
    assert response.status_code == 200 and response.json()["items"]


def test_full_slot_offers_the_waiting_list(client, lessons):
    slot = lessons["solar"].slots.get()
    TimeSlot.objects.filter(pk=slot.pk).update(booked_classes=1)
    html = client.get(URL, {"theme": "energie"}).content.decode()
    assert "vol" in html and "Wachtlijst" in html
