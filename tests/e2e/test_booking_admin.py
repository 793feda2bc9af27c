"""A coordinator at 1366 px: the booking list, confirming a request, and the export in Dutch Excel's dialect."""

import csv
import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from cms.bookings.models import Booking
from cms.exports import DutchExcel
from tests.bookings.factories import (
    BookingFactory,
    CoordinatorFactory,
    LessonOfferingFactory,
    TimeSlotFactory,
    UserFactory,
)
from tests.factories import SchoolFactory, TechniekhuisPageFactory

PASSWORD = "secret-password"  # tests.bookings.factories.UserFactory


@pytest.fixture
def wagtail_root(transactional_db):
    """Transactional tests flush the tables: put back the locale and root page migrations create."""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.get_first_root_node():
        Page.add_root(title="Root", locale=locale)


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_coordinator_confirms_a_request_and_exports_the_list(live_server, page, wagtail_root, region_site):
    house = TechniekhuisPageFactory(parent=region_site.techniekhuizen, title="Techniekhuis op Zuid")
    slot = TimeSlotFactory(
        offering=LessonOfferingFactory(title="Zonne-auto bouwen in het energielab", techniekhuis=house)
    )
    booking = BookingFactory(
        slot=slot, school=SchoolFactory(name="OBS De Globetrotter"), status=Booking.Status.REQUESTED
    )
    coordinator = UserFactory(username="coordinator")
    coordinator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    CoordinatorFactory(user=coordinator, techniekhuis=house)
    # The admin speaks the user's language, whatever the browser's (CI also runs it as en-US).
    UserProfile.objects.update_or_create(user=coordinator, defaults={"preferred_language": "nl"})
    base = live_server.url
    page.set_viewport_size({"width": 1366, "height": 900})

    page.goto(f"{base}/admin/login/")
    page.get_by_label("Gebruikersnaam").fill("coordinator")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/bookings/booking/")
    row = page.locator("tbody tr", has_text="OBS De Globetrotter")
    # Readable at 1366 px: nothing wider than the window, no column squeezed to a few letters, the
    # action buttons show their whole label.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    for cell in row.locator("td").all():
        if cell.inner_text().strip():
            assert cell.bounding_box()["width"] >= 60, cell.inner_text()
    for label in ("Bevestigen", "Boeking annuleren"):
        button = row.get_by_role("link", name=label, exact=False)
        assert button.is_visible()
        assert button.evaluate("b => b.scrollWidth <= b.clientWidth && b.getClientRects().length === 1"), (
            label
        )

    row.get_by_role("link", name="Bevestigen", exact=False).click()
    page.get_by_role("button", name="Bevestigen").click()

    page.wait_for_url(f"{base}/admin/bookings/booking/")
    success = page.locator(".messages .success")
    assert "bevestigd" in success.inner_text()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert "Bevestigd" in page.locator("tbody tr", has_text="OBS De Globetrotter").inner_text()

    page.get_by_role("button", name="Acties").first.click()  # the header's "more" menu
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV downloaden").click()
    content = download_info.value.path().read_bytes().decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff")), dialect=DutchExcel))
    assert [(row["School"], row["Status"]) for row in rows] == [("OBS De Globetrotter", "Bevestigd")]
