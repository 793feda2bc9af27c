import os
import shutil

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation
from wagtail.models import Page, Site

from tests.factories import RegionSite


def pytest_collection_modifyitems(config, items):
    """Skip tests that need a service this run does not have, and say why."""
    import os

    for item in items:
        if "postgres" in item.keywords and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://..."))
        if "elasticsearch" in item.keywords and not os.environ.get("ELASTICSEARCH_URL"):
            item.add_marker(pytest.mark.skip(reason="needs Elasticsearch: set ELASTICSEARCH_URL"))
        if "e2e" in item.keywords and not shutil.which("chromium"):
            item.add_marker(pytest.mark.skip(reason="needs Debian's chromium (apt-get install chromium)"))


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's language (Dutch): a request with another Accept-Language
    leaves its language active in the thread, and the next test's messages would follow it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def region_site(db) -> RegionSite:
    """A clean tree: Wagtail's welcome page and default site replaced by one region site."""
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    return RegionSite()


@pytest.fixture
def is_postgres() -> bool:
    return connection.vendor == "postgresql"


class SMTPSink:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives; can be taken down."""

    def __init__(self):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.messages: list = []
        self.controller = None

    def start(self):
        import email
        from email import policy

        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                message = email.message_from_bytes(envelope.content, policy=policy.default)
                sink.messages.append((envelope.rcpt_tos, message))
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def recipients(self) -> list[str]:
        return [rcpt for rcpts, _ in self.messages for rcpt in rcpts]


@pytest.fixture
def smtp_server(settings):
    """Point Django's SMTP backend at a real SMTP server on loopback for the test."""
    sink = SMTPSink()
    sink.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield sink
    sink.stop()


# --- Browser tests: Playwright's Python package driving Debian's Chromium (nothing is downloaded).
# One Playwright instance per session: fixtures live here so every test folder shares them.

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop; Django would otherwise refuse ORM calls in tests.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


#: The browser's language (Accept-Language, navigator.language). CI runs the browser suite once more
#: with ``E2E_BROWSER_LOCALE=en-US``, as many Dutch teachers' laptops are set: pages must stay Dutch.
BROWSER_LOCALE = os.environ.get("E2E_BROWSER_LOCALE", "nl-NL")


@pytest.fixture
def page(browser):
    context = browser.new_context(locale=BROWSER_LOCALE, timezone_id="Europe/Amsterdam")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
