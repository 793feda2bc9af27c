"""A coordinator at 1366 px: the booking list, confirming a request, and the export in Dutch Excel's dialect."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
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
    # Readable at 1366 px: nothing wider than the window, the lesson title on at most two lines.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    lesson_cell = row.locator("td", has_text="Zonne-auto bouwen")
    line_height = lesson_cell.evaluate("cell => parseFloat(getComputedStyle(cell).lineHeight) || 20")
    assert lesson_cell.bounding_box()["height"] <= 3 * line_height + 40
    assert row.get_by_role("link", name="Boeking annuleren", exact=False).is_visible()

    row.get_by_role("link", name="Bevestigen", exact=False).click()
    page.get_by_role("button", name="Bevestigen").click()

    page.wait_for_url(f"{base}/admin/bookings/booking/")
    success = page.locator(".messages .success")
    assert "bevestigd" in success.inner_text()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert "Bevestigd" in page.locator("tbody tr", has_text="OBS De Globetrotter").inner_text()

    export_link = page.locator('a[href*="export=csv"]')
    with page.expect_download() as download_info:
        export_link.evaluate("link => link.click()")  # it sits in the header's "more" menu
    content = download_info.value.path().read_bytes().decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff")), dialect=DutchExcel))
    assert [(row["School"], row["Status"]) for row in rows] == [("OBS De Globetrotter", "Bevestigd")]
