"""Steps on the public booking form that several browser tests share."""

from playwright.sync_api import Page


def send_booking_for_a_class(page: Page, *, contact: str, email: str, pupils: int) -> None:
    """Fill in the contact and the class (the first group the lesson offers), agree, send, and wait
    for the thank-you page. The school is chosen by the test before."""
    page.get_by_label("Contactpersoon").fill(contact)
    page.get_by_label("E-mailadres").fill(email)
    group = page.get_by_label("Groep")
    group.select_option(index=1 if group.locator("option").first.get_attribute("value") == "" else 0)
    page.get_by_label("Aantal leerlingen").fill(str(pupils))
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    page.get_by_role("button", name="Boeking versturen").click()
    page.get_by_role("heading", name="Bedankt voor je boeking").wait_for()
