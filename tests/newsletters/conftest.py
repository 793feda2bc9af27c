import pytest

from tests.conftest import SMTPSink
from tests.newsletters.factories import NewsletterArchivePageFactory


@pytest.fixture
def archive(region_site):
    return NewsletterArchivePageFactory(parent=region_site.home)


class RefusingSMTPSink(SMTPSink):
    """The shared loopback SMTP server, plus: addresses in ``refuse`` get "550 no such user"."""

    def __init__(self):
        super().__init__()
        self.refuse: set[str] = set()

    def start(self):
        import email
        from email import policy

        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address in sink.refuse:
                    return "550 5.1.1 No such user"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                message = email.message_from_bytes(envelope.content, policy=policy.default)
                sink.messages.append((envelope.rcpt_tos, message))
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()


@pytest.fixture
def smtp_server(settings):
    sink = RefusingSMTPSink()
    sink.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield sink
    sink.stop()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The subscribe rate limit counts in the cache; every test starts with a clean count."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
